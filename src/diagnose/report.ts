// The Markdown report moved to src/report/markdown.ts with the other report formats.
export { markdownReport, type ReportInput } from '../report/markdown';
