// Small helpers over jsonc-parser's syntax tree: where a node is, and edits that remove one.
import { type Node, type ParseErrorCode, printParseErrorCode } from 'jsonc-parser';
import type { Span } from './model';

/** The offset where brackets first nest deeper than `max`, skipping strings and comments. */
export function nestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92 /* \ */) i++;
        else if (text.charCodeAt(i) === 10) break;
      }
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 123 || c === 91 /* { [ */) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93 /* } ] */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

export function span(node: Node): Span {
  return { offset: node.offset, length: node.length };
}

/** A string node's text without its quotes; other nodes whole. */
export function innerSpan(node: Node): Span {
  if (node.type === 'string' && node.length >= 2) {
    return { offset: node.offset + 1, length: node.length - 2 };
  }
  return span(node);
}

/** The first character of an object, where "missing key" problems point. */
export function openingSpan(node: Node): Span {
  return { offset: node.offset, length: 1 };
}

/** An edit that removes a property together with its separating comma. */
export function removalEdit(text: string, property: Node): { offset: number; length: number; newText: string } {
  let start = property.offset;
  let end = property.offset + property.length;
  const after = /^\s*,/.exec(text.slice(end));
  if (after) {
    end += after[0].length;
  } else {
    const before = /,\s*$/.exec(text.slice(0, start));
    if (before) {
      start -= before[0].length;
    }
  }
  return { offset: start, length: end - start, newText: '' };
}

/** The parser's error as a name ('CommaExpected'); the messages put it in words in each language. */
export function describeParseError(code: ParseErrorCode): string {
  return printParseErrorCode(code);
}
