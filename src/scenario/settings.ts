// Reading version 2's scenario-wide settings: the Commerce version of HQ and the settings of
// channel databases (Commerce channel schema).
import type { Node } from 'jsonc-parser';
import { msg } from '../domain/l10n';
import { RULE } from '../domain/ruleIds';
import { formatVersion, MAX_VERSION, NEWEST_KNOWN_VERSION, parseCommerceVersion } from '../domain/versions';
import type { ScenarioChecks } from './checks';
import { innerSpan, span } from './jsonNodes';
import type { Span } from './model';

/** "commerceVersion": "10.0.N" with N from 0 to 99. */
export function readCommerceVersion(check: ScenarioChecks, node: Node): { value: number; span: Span } | undefined {
  const text = check.string(node, 'commerceVersion');
  if (text === undefined) {
    return undefined;
  }
  const value = parseCommerceVersion(text);
  if (value === undefined || value > MAX_VERSION) {
    check.problem(RULE.badValue, 'error', msg('v2.badVersion', { value: text, newest: formatVersion(NEWEST_KNOWN_VERSION), max: formatVersion(MAX_VERSION) }), innerSpan(node));
    return undefined;
  }
  return { value, span: span(node) };
}
