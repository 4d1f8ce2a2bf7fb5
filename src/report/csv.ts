// Evidence rows as CSV (RFC 4180), safe to open in a spreadsheet: a cell that starts like a
// formula (=, +, -, @, or a tab or carriage return before one) is prefixed with ' as OWASP
// recommends for CSV injection, and every cell with a quote, comma, semicolon or line break is quoted.
import type { Finding } from '../domain/finding';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** One line per evidence value: which finding, which row, which column, the value. */
export function evidenceCsv(findings: readonly Finding[]): string {
  const lines = [csvLine(['finding', 'ruleId', 'severity', 'database', 'table', 'key', 'scenarioLine', 'column', 'value'])];
  findings.forEach((finding, index) => {
    for (const row of finding.evidence) {
      const line = row.location ? row.location.range.start.line + 1 : '';
      for (const [column, value] of Object.entries(row.columns)) {
        lines.push(csvLine([index + 1, finding.ruleId, finding.severity, row.database, row.table, row.key, line, column, value]));
      }
    }
  });
  return `${lines.join('\r\n')}\r\n`;
}
