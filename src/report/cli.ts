// node dist/cli.js report FILE [--format md|sarif|json|csv] [--redact] [-o OUT] [--force] [--locale en|sv]
// The walk of the FAQ and the findings of one scenario, as a file to keep or send.
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { localeOf, type Locale } from '../domain/l10n';
import { writeFileAtomically } from '../io/atomicWrite';
import { loadSqlJs } from '../sim/sqljs';
import { diagnoseForReport, type DiagnosedSource } from './bundle';
import { evidenceCsv } from './csv';
import { toJson } from './json';
import { markdownReport } from './markdown';
import { relativeUri, sarifLog } from './sarif';

const REPORT_USAGE = `Usage: async-customer-doctor report FILE [--format md|sarif|json|csv] [--redact] [-o OUT] [--force] [--locale en|sv]

Diagnoses one scenario file and writes the walk of the FAQ and the findings: Markdown (md, the
default), SARIF 2.1.0 (sarif), the JSON of diagnose --json (json) or the evidence rows (csv).
  --redact   names, emails, phone numbers and addresses (street, zip code, city) become
             pseudonyms; countries/regions are kept
  -o OUT     write to OUT instead of the standard output; an existing OUT needs --force
Exit codes: 0 no errors, 1 an error finding, 2 unusable input.`;

type Format = 'md' | 'sarif' | 'json' | 'csv';
const FORMATS: readonly Format[] = ['md', 'sarif', 'json', 'csv'];

interface ReportArgs {
  readonly file: string;
  readonly format: Format;
  readonly redact: boolean;
  readonly output?: string;
  readonly force: boolean;
  readonly locale: Locale;
}

export interface ReportCommandOptions {
  /** sql.js; the bundle's own copy by default. */
  readonly loadSql?: () => Promise<SqlJsStatic>;
  /** The report's time stamp. */
  readonly now?: () => Date;
}

export async function reportCommand(
  args: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
  options: ReportCommandOptions = {},
): Promise<number> {
  const command = parseArgs(args);
  if ('error' in command) {
    err(`${command.error}\n\n${REPORT_USAGE}`);
    return 2;
  }
  if ('help' in command) {
    out(REPORT_USAGE);
    return 0;
  }
  const parsed = command.args;
  const text = await readScenario(parsed.file);
  if (text.error !== undefined) {
    err(text.error);
    return 2;
  }
  if (parsed.output !== undefined && resolve(parsed.output) === resolve(parsed.file)) {
    err(`${parsed.output}: is the scenario itself; not overwritten with its report.`);
    return 2;
  }
  if (parsed.output !== undefined && !parsed.force && (await exists(parsed.output))) {
    err(`${parsed.output}: the file exists; not overwritten (use --force to replace it).`);
    return 2;
  }
  const sql = await (options.loadSql ?? (() => loadSqlJs()))();
  const diagnosed = diagnoseForReport(sql, { file: parsed.file, text: text.text, locale: parsed.locale, redact: parsed.redact });
  if (!diagnosed.usable) {
    const first = diagnosed.findings[0];
    const where = first ? `:${first.location.range.start.line + 1}:${first.location.range.start.character + 1}` : '';
    // As diagnose says it: the first finding says why (not JSON, not an object, none of the scenario's keys).
    err(`${parsed.file}${where}: ${first ? first.message : 'not a scenario file'}`);
    return 2;
  }
  const content = render(parsed, diagnosed, (options.now ?? (() => new Date()))());
  if (parsed.output === undefined) {
    out(content.replace(/\r?\n$/, ''));
  } else {
    try {
      await writeFileAtomically(parsed.output, content);
    } catch (error) {
      err(`${parsed.output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return 2;
    }
    err(`${parsed.output}: ${diagnosed.findings.length} finding${diagnosed.findings.length === 1 ? '' : 's'} written`);
  }
  return diagnosed.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function render(args: ReportArgs, diagnosed: DiagnosedSource, now: Date): string {
  // The file as the report names it: as given on the command line, or its redacted name.
  const file = args.redact ? diagnosed.displayName : args.file;
  switch (args.format) {
    case 'sarif':
      return `${JSON.stringify(sarifLog({ artifactUri: relativeUri(file), findings: diagnosed.findings, walk: diagnosed.walk, locale: args.locale, redacted: args.redact }), null, 2)}\n`;
    case 'json':
      return `${JSON.stringify([toJson({ file, findings: diagnosed.findings, walk: diagnosed.walk })], null, 2)}\n`;
    case 'csv':
      return evidenceCsv(diagnosed.findings);
    default:
      return markdownReport({
        title: diagnosed.title,
        file,
        generatedAt: now.toISOString(),
        findings: diagnosed.findings,
        walk: diagnosed.walk,
        locale: args.locale,
        redacted: args.redact,
      });
  }
}

function parseArgs(args: readonly string[]): { args: ReportArgs } | { help: true } | { error: string } {
  let format: Format = 'md';
  let redact = false;
  let force = false;
  let output: string | undefined;
  let locale: Locale = localeOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [option, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (option === '--help' || option === '-h') return { help: true };
    if (option === '--redact') redact = true;
    else if (option === '--force') force = true;
    else if (option === '--locale') locale = localeOf(value());
    else if (option === '--format') {
      const wanted = value();
      if (!FORMATS.includes(wanted as Format)) return { error: `Unknown format '${wanted ?? ''}': expected ${FORMATS.join(', ')}.` };
      format = wanted as Format;
    } else if (option === '-o' || option === '--output') {
      output = value();
      if (!output) return { error: `${option} needs a file name.` };
    } else if (option.startsWith('-') && option !== '-') return { error: `Unknown option '${arg}'.` };
    else files.push(arg);
  }
  if (files.length !== 1) return { error: files.length === 0 ? 'No scenario file given.' : `One scenario file at a time (got ${files.length}).` };
  return { args: { file: files[0], format, redact, output, force, locale } };
}

async function readScenario(file: string): Promise<{ text: string; error?: undefined } | { error: string }> {
  try {
    if ((await fs.stat(file)).isDirectory()) {
      return { error: `${file}: is a directory, not a scenario file` };
    }
    return { text: await fs.readFile(file, 'utf8') };
  } catch (error) {
    return { error: `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

async function exists(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}
