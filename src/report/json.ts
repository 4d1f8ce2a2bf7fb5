// The JSON shape of a diagnosed scenario file, as `diagnose --json` and `report --format json` print it.
import type { Finding } from '../domain/finding';
import type { QuestionResult } from '../diagnose/engine';

export interface FileReport {
  readonly file: string;
  readonly findings: readonly Finding[];
  readonly walk: readonly QuestionResult[];
  /** Set when the file could not be read or is not a scenario. */
  readonly unusable?: string;
}

export function toJson(report: FileReport) {
  return {
    file: report.file,
    ...(report.unusable ? { error: report.unusable } : {}),
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      range: f.location.range,
      offset: f.location.offset,
      length: f.location.length,
      question: f.question,
      remedy: f.remedy,
      evidence: f.evidence.map((e) => ({ database: e.database, table: e.table, key: e.key, columns: e.columns, range: e.location?.range })),
      fixes: f.fixes.map((x) => ({ title: x.title, isPreferred: x.isPreferred, edits: x.edits.map((e) => ({ range: e.range, newText: e.newText })) })),
    })),
    walk: report.walk,
  };
}
