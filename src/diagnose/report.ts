// A Markdown report of a diagnosis: the FAQ walk, then each finding with its evidence and fix.
import type { Finding } from '../domain/finding';
import type { QuestionResult } from './engine';

export interface ReportInput {
  readonly title: string;
  readonly file: string;
  readonly generatedAt: string;
  readonly findings: readonly Finding[];
  readonly walk: readonly QuestionResult[];
}

const OUTCOME = { passed: '✅ passed', failed: '❌ failed', notApplicable: '➖ not applicable' } as const;

export function markdownReport(input: ReportInput): string {
  const lines: string[] = [`# ${escape(input.title)}`, '', `Scenario: \`${input.file}\` · ${input.generatedAt}`, ''];
  const errors = input.findings.filter((f) => f.severity === 'error').length;
  lines.push(`${input.findings.length} finding${input.findings.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}.`, '');
  lines.push('## Troubleshooter', '');
  for (const question of input.walk) {
    lines.push(`### ${escape(question.question)}`, '');
    for (const cause of question.causes) {
      const refs = cause.findings.map((i) => `[#${i + 1}](#finding-${i + 1})`).join(', ');
      lines.push(`- ${OUTCOME[cause.outcome]} — ${escape(cause.label)} (${cause.ruleId})${refs ? ` ${refs}` : ''}`);
    }
    lines.push('');
  }
  lines.push('## Findings', '');
  if (input.findings.length === 0) {
    lines.push('No findings.', '');
  }
  input.findings.forEach((finding, index) => {
    const { line, character } = finding.location.range.start;
    lines.push(`<a id="finding-${index + 1}"></a>`, `### ${index + 1}. ${finding.ruleId} (${finding.severity}) — line ${line + 1}, column ${character + 1}`, '');
    lines.push(escape(finding.message), '');
    if (finding.question) lines.push(`**FAQ:** ${escape(finding.question)}`, '');
    if (finding.remedy) lines.push(`**In HQ:** ${finding.remedy.menuPath ? `*${escape(finding.remedy.menuPath)}* — ` : ''}${escape(finding.remedy.text)}`, '');
    for (const fix of finding.fixes) lines.push(`**Fix:** ${escape(fix.title)}`, '');
    if (finding.evidence.length > 0) {
      lines.push('**Evidence:**', '');
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
