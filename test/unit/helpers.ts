// Shared by the unit tests: sql.js from the package, samples and fixtures, applying a fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import type { Finding, Fix } from '../../src/domain/finding';
import { applyEdits } from '../../src/domain/text';
import { analyze, type Analysis, type AnalyzeOptions } from '../../src/diagnose/engine';
import { loadSqlJs } from '../../src/sim/sqljs';

export const repoRoot = join(__dirname, '..', '..', '..');

let sql: SqlJsStatic | undefined;

export async function loadSql(): Promise<SqlJsStatic> {
  sql ??= await loadSqlJs(require.resolve('sql.js/dist/sql-wasm.wasm'));
  return sql;
}

export function sample(name: string): string {
  return readFileSync(join(repoRoot, 'samples', `${name}.asyncscenario.json`), 'utf8');
}

export function fixture(name: string): string {
  return readFileSync(join(repoRoot, 'test', 'fixtures', name), 'utf8');
}

export async function diagnose(text: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  return analyze(await loadSql(), text, options);
}

export function only(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** The text a finding's range covers. */
export function coveredText(text: string, finding: Finding): string {
  return text.slice(finding.location.offset, finding.location.offset + finding.location.length);
}

export function errors(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

/** A scenario from parts, so tests read like the situation they describe. */
export function scenario(parts: { features?: Record<string, boolean>; channels?: unknown[]; timeline?: unknown[]; extra?: Record<string, unknown> }): string {
  const doc = {
    start: '2026-11-01T08:00:00Z',
    features: parts.features ?? {
      CustomerOrderPerformance: true,
      EnhancedAsyncCustomerCreation: true,
      AsyncCustomerAddressCreation: true,
      AsyncCustomerEditing: true,
    },
    channels: parts.channels ?? [{ id: 'Store42', kind: 'store', channelDatabase: 'Default', asyncCustomerCreation: true }],
    ...(parts.extra ?? {}),
    timeline: parts.timeline ?? [],
  };
  return JSON.stringify(doc, null, 2);
}

/** Applies a finding's preferred fix: the finding is gone (one fewer of its rule) and no new error came. Returns the fixed text. */
export async function fixRemovesFinding(text: string, finding: Finding): Promise<string> {
  const fix = finding.fixes.find((f) => f.isPreferred) ?? finding.fixes[0];
  if (!fix) {
    throw new Error(`${finding.ruleId} has no fix`);
  }
  const before = (await diagnose(text)).findings;
  const fixed = applyFix(text, fix);
  const after = (await diagnose(fixed)).findings;
  if (only(after, finding.ruleId).length > only(before, finding.ruleId).length - 1) {
    throw new Error(`${finding.ruleId} still there after "${fix.title}":\n${fixed}\n${after.map((f) => f.message).join('\n')}`);
  }
  const newErrors = errors(after).filter((e) => !errors(before).some((b) => b.ruleId === e.ruleId && b.message === e.message));
  if (newErrors.length > 0) {
    throw new Error(`"${fix.title}" created new errors: ${newErrors.map((e) => `${e.ruleId}: ${e.message}`).join('; ')}`);
  }
  return fixed;
}
