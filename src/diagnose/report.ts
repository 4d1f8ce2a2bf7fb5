// A Markdown report of a diagnosis: the FAQ walk, then each finding with its evidence and fix.
import type { Finding } from '../domain/finding';
import { localize, type Locale, type MessageKey, msg } from '../domain/l10n';
import type { QuestionResult } from './engine';

export interface ReportInput {
  readonly title: string;
  readonly file: string;
  readonly generatedAt: string;
  readonly findings: readonly Finding[];
  readonly walk: readonly QuestionResult[];
  /** The language of the report's own words; findings and the walk come already localized. */
  readonly locale?: Locale;
}

const OUTCOME_ICON = { passed: '✅', failed: '❌', notApplicable: '➖' } as const;

export function markdownReport(input: ReportInput): string {
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => localize(msg(key, params), input.locale);
  const lines: string[] = [`# ${escape(input.title)}`, '', `${say('report.scenario')}: \`${input.file}\` · ${input.generatedAt}`, ''];
  const errors = input.findings.filter((f) => f.severity === 'error').length;
  lines.push(say('report.summary', { findings: input.findings.length, errors }), '');
  lines.push(`## ${say('report.troubleshooter')}`, '');
  for (const question of input.walk) {
    lines.push(`### ${escape(question.question)}`, '');
    for (const cause of question.causes) {
      const refs = cause.findings.map((i) => `[#${i + 1}](#finding-${i + 1})`).join(', ');
      lines.push(`- ${OUTCOME_ICON[cause.outcome]} ${say(`report.${cause.outcome}`)} — ${escape(cause.label)} (${cause.ruleId})${refs ? ` ${refs}` : ''}`);
    }
    lines.push('');
  }
  lines.push(`## ${say('report.findings')}`, '');
  if (input.findings.length === 0) {
    lines.push(say('report.noFindings'), '');
  }
  input.findings.forEach((finding, index) => {
    const { line, character } = finding.location.range.start;
    const at = say('report.at', { line: line + 1, column: character + 1 });
    lines.push(`<a id="finding-${index + 1}"></a>`, `### ${index + 1}. ${finding.ruleId} (${say(`severity.${finding.severity}`)}) — ${at}`, '');
    lines.push(escape(finding.message), '');
    if (finding.question) lines.push(`**${say('report.faq')}:** ${escape(finding.question)}`, '');
    if (finding.remedy) lines.push(`**${say('report.inHq')}:** ${finding.remedy.menuPath ? `*${escape(finding.remedy.menuPath)}* — ` : ''}${escape(finding.remedy.text)}`, '');
    for (const fix of finding.fixes) lines.push(`**${say('report.fix')}:** ${escape(fix.title)}`, '');
    if (finding.evidence.length > 0) {
      lines.push(`**${say('report.evidence')}:**`, '');
      const byTable = new Map<string, typeof finding.evidence>();
      for (const row of finding.evidence) {
        const key = `${row.database} · ${row.table}`;
        byTable.set(key, [...(byTable.get(key) ?? []), row]);
      }
      for (const [table, rows] of byTable) {
        const columns = [...new Set(rows.flatMap((r) => Object.keys(r.columns)))];
        lines.push(`*${table}*`, '', `| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
        for (const row of rows) {
          lines.push(`| ${columns.map((c) => escape(String(row.columns[c] ?? ''))).join(' | ')} |`);
        }
        lines.push('');
      }
    }
  });
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Markdown table cells and headings must not break on | or newlines. */
function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
