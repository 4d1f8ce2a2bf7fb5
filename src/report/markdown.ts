// A Markdown report of a diagnosis: the FAQ walk, then each finding with its remedy (and where
// it is in HQ), its fixes and its evidence rows, table by table.
import type { Evidence, Finding } from '../domain/finding';
import type { Locale } from '../domain/l10n';
import { causeMood } from '../domain/severity';
import type { QuestionResult } from '../diagnose/engine';
import { reportLabels } from './labels';

export interface ReportInput {
  readonly title: string;
  readonly file: string;
  readonly generatedAt: string;
  readonly findings: readonly Finding[];
  readonly walk: readonly QuestionResult[];
  readonly locale?: Locale;
  /** The scenario was redacted before it was diagnosed: the report says so on top. */
  readonly redacted?: boolean;
  /** The report goes with a copy of the scenario (the support bundle): the banner names it too. */
  readonly withScenarioCopy?: boolean;
}

export function markdownReport(input: ReportInput): string {
  const labels = reportLabels(input.locale ?? 'en');
  const lines: string[] = [`# ${escape(input.title)}`, ''];
  if (input.redacted) {
    lines.push(`> **${escape(labels.redacted(input.withScenarioCopy === true))}**`, '');
  }
  lines.push(`${labels.scenario}: \`${input.file.replace(/`/g, "'")}\` · ${input.generatedAt}`, '');
  const errors = input.findings.filter((f) => f.severity === 'error').length;
  lines.push(labels.findings(input.findings.length, errors), '');
  lines.push(`## ${labels.troubleshooter}`, '');
  for (const question of input.walk) {
    lines.push(`### ${escape(question.question)}`, '');
    for (const cause of question.causes) {
      const refs = cause.findings.map((i) => `[#${i + 1}](#finding-${i + 1})`).join(', ');
      const mood = causeMood(cause.outcome, cause.findings.map((i) => input.findings[i].severity));
      lines.push(`- ${labels.outcome[mood]} — ${escape(cause.label)} (${cause.ruleId})${refs ? ` ${refs}` : ''}`);
    }
    lines.push('');
  }
  lines.push(`## ${labels.findingsHeading}`, '');
  if (input.findings.length === 0) {
    lines.push(labels.noFindings, '');
  }
  input.findings.forEach((finding, index) => {
    const { line, character } = finding.location.range.start;
    lines.push(`<a id="finding-${index + 1}"></a>`, `### ${index + 1}. ${finding.ruleId} (${labels.severity[finding.severity]}) — ${labels.lineColumn(line + 1, character + 1)}`, '');
    lines.push(escape(finding.message), '');
    if (finding.question) lines.push(`**${labels.faq}:** ${escape(finding.question)}`, '');
    if (finding.remedy) lines.push(`**${labels.inHq}:** ${finding.remedy.menuPath ? `*${escape(finding.remedy.menuPath)}* — ` : ''}${escape(finding.remedy.text)}`, '');
    for (const fix of finding.fixes) lines.push(`**${labels.fix}:** ${escape(fix.title)}`, '');
    if (finding.evidence.length > 0) {
      lines.push(`**${labels.evidence}:**`, '', ...evidenceTables(finding.evidence, labels.scenarioLine));
    }
  });
  return `${lines.join('\n').trimEnd()}\n`;
}

/** One table per database and table; the scenario line that wrote a row comes last. */
function evidenceTables(evidence: readonly Evidence[], scenarioLine: string): string[] {
  const byTable = new Map<string, Evidence[]>();
  for (const row of evidence) {
    const key = `${row.database} · ${row.table}`;
    byTable.set(key, [...(byTable.get(key) ?? []), row]);
  }
  const lines: string[] = [];
  for (const [table, rows] of byTable) {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r.columns)))];
    const located = rows.some((r) => r.location);
    const header = [...columns.map(escape), ...(located ? [scenarioLine] : [])];
    lines.push(`*${escape(table)}*`, '', `| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
    for (const row of rows) {
      const cells = columns.map((c) => escape(String(row.columns[c] ?? '')));
      if (located) cells.push(row.location ? String(row.location.range.start.line + 1) : '');
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  return lines;
}

/** Markdown table cells and headings must not break on | or newlines. */
function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
