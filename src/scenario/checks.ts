// The checks every part of a scenario file goes through: type, known keys and ids, dates and
// durations. Each failed check becomes a ScenarioProblem with a span and, where obvious, a fix.
import type { Node } from 'jsonc-parser';
import { msg } from '../domain/l10n';
import { RULE, type RuleId } from '../domain/ruleIds';
import { closest } from '../domain/text';
import { parseDuration, parseInstant } from '../domain/time';
import { innerSpan, openingSpan, removalEdit, span } from './jsonNodes';
import type { ScenarioProblem, Span } from './model';

export class ScenarioChecks {
  readonly problems: ScenarioProblem[] = [];

  constructor(private readonly text: string) {}

  /** The object's properties by key; unknown and duplicate keys are reported. */
  properties(node: Node, allowed: readonly string[], where: string): Map<string, Node> {
    const out = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) {
        continue;
      }
      const key = String(keyNode.value);
      if (!allowed.includes(key)) {
        this.unknownKey(keyNode, property, allowed, where);
        continue;
      }
      if (out.has(key)) {
        this.problem(RULE.unknownKey, 'error', msg('duplicateKey', { key }), innerSpan(keyNode), [this.removePropertyFix(property)]);
        continue;
      }
      if (valueNode) {
        out.set(key, valueNode);
      }
    }
    return out;
  }


  requiredString(node: Node | undefined, parent: Node, key: string, where: string): string | undefined {
    if (!node) {
      this.problem(RULE.missingKey, 'error', msg('missingKey', { key, where }), openingSpan(parent));
      return undefined;
    }
    return this.string(node, key);
  }

  string(node: Node, key: string): string | undefined {
    if (node.type !== 'string') {
      this.wrongType(node, key, 'string');
      return undefined;
    }
    return String(node.value);
  }

  optionalBoolean(node: Node | undefined, key: string): boolean | undefined {
    if (!node) {
      return undefined;
    }
    if (node.type !== 'boolean') {
      this.wrongType(node, key, 'boolean');
      return undefined;
    }
    return node.value === true;
  }

  instant(node: Node, key: string): number | undefined {
    const text = this.string(node, key);
    if (text === undefined) {
      return undefined;
    }
    const value = parseInstant(text);
    if (value === undefined) {
      this.problem(RULE.badValue, 'error', msg('badInstant', { key, value: text }), innerSpan(node));
    }
    return value;
  }

  duration(node: Node, key: string): number | undefined {
    const text = this.string(node, key);
    if (text === undefined) {
      return undefined;
    }
    const value = parseDuration(text);
    if (value === undefined) {
      this.problem(RULE.badValue, 'error', msg('badDuration', { key, value: text }), innerSpan(node));
    }
    return value;
  }

  expectType(node: Node, type: Node['type'], key: string): boolean {
    if (node.type !== type) {
      this.wrongType(node, key, type);
      return false;
    }
    return true;
  }

  wrongType(node: Node, key: string, expected: string): void {
    // A number or true/false where text is expected ("runJob": 1010, "zip": 90326): quoting it is the obvious fix.
    const raw = this.text.slice(node.offset, node.offset + node.length);
    const fixes =
      expected === 'string' && (node.type === 'number' || node.type === 'boolean')
        ? [{ title: msg('fixQuote', { value: raw }), edits: [{ ...span(node), newText: JSON.stringify(raw) }], isPreferred: true }]
        : [];
    this.problem(RULE.wrongType, 'error', msg('wrongType', { key, expected, actual: node.type }), span(node), fixes);
  }

  unknownKey(keyNode: Node, property: Node, allowed: readonly string[], where: string): void {
    const key = String(keyNode.value);
    const suggestion = closest(key, allowed);
    const fixes = suggestion
      ? [{ title: msg('fixReplace', { from: key, to: suggestion }), edits: [{ ...innerSpan(keyNode), newText: suggestion }], isPreferred: true }]
      : [this.removePropertyFix(property)];
    this.problem(RULE.unknownKey, 'error', msg('unknownKey', { key, where, allowed: allowed.join(', '), suggestion: suggestion ?? '' }), innerSpan(keyNode), fixes);
  }

  unknownId(node: Node, value: string, kind: string, known: readonly string[]): void {
    const suggestion = closest(value, known);
    const target = node.type === 'string' ? innerSpan(node) : span(node);
    const newText = node.type === 'string' ? (suggestion ?? '') : JSON.stringify(suggestion);
    // A misspelt feature or job is fixed by its spelling; a channel or channel database is where data goes,
    // and moving customers to another store on a guess is no fix: the suggestion stays in the message only.
    const retargets = kind === 'channel' || kind === 'channelDatabase';
    const fixes = suggestion && !retargets ? [{ title: msg('fixReplace', { from: value, to: suggestion }), edits: [{ ...target, newText }], isPreferred: true }] : [];
    this.problem(RULE.unknownId, 'error', msg('unknownId', { kind, value, known: known.join(', '), suggestion: suggestion ?? '' }), target, fixes);
  }

  removePropertyFix(property: Node) {
    return { title: msg('fixRemoveKey', { key: String(property.children?.[0]?.value ?? '') }), edits: [removalEdit(this.text, property)], isPreferred: false };
  }

  problem(ruleId: RuleId, severity: ScenarioProblem['severity'], message: ScenarioProblem['message'], at: Span, fixes: ScenarioProblem['fixes'] = []): void {
    this.problems.push({ ruleId, severity, message, span: at, fixes });
  }
}
