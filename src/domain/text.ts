// Offsets in the scenario text as line/character positions, and small text helpers.
import type { Location, Position, TextEdit } from './finding';

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      } else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) {
          i++;
        }
        this.lineStarts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  location(offset: number, length: number): Location {
    const start = Math.max(0, Math.min(offset, this.text.length));
    const end = Math.max(start, Math.min(offset + length, this.text.length));
    return { offset: start, length: end - start, range: { start: this.position(start), end: this.position(end) } };
  }

  edit(offset: number, length: number, newText: string): TextEdit {
    const location = this.location(offset, length);
    return { offset: location.offset, length: location.length, range: location.range, newText };
  }
}

/** Applies edits (offsets in the original text, non-overlapping) and returns the new text. */
export function applyEdits(text: string, edits: readonly { offset: number; length: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const edit of sorted) {
    out = out.slice(0, edit.offset) + edit.newText + out.slice(edit.offset + edit.length);
  }
  return out;
}

/** The smallest single edit that turns `before` into `after`. */
export function minimalEdit(before: string, after: string): { offset: number; length: number; newText: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) {
    start++;
  }
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { offset: start, length: endBefore - start, newText: after.slice(start, endAfter) };
}

/** Levenshtein distance, case-insensitive, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const row = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (s[i - 1] === t[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[t.length];
}

/** The closest candidate when it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}
