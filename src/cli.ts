// The command line: the same engine as the extension, from a terminal or a CI job.
//   node dist/cli.js diagnose FILE... [--json] [--locale en|sv]
//   node dist/cli.js query FILE --database HQ|NAME "SQL" [--json] [--timeout-ms N]
//   node dist/cli.js import FILE... [-o OUT] [--channel CHANNEL=DATABASE]... [--date-order mdy|dmy|ymd] [--time-zone +01:00] [--mapping MAPPING.json] [--force]
//   node dist/cli.js report FILE [--format md|sarif|json|csv] [--redact] [-o OUT] [--force] [--locale en|sv]
import { readFileSync, statSync } from 'node:fs';
import { localeOf, localize, msg, type Locale, type MessageKey } from './domain/l10n';
import { analyze } from './diagnose/engine';
import { reportCommand } from './report/cli';
import { type FileReport, toJson } from './report/json';
import { loadSqlJs } from './sim/sqljs';
import { queryCommand, QUERY_USAGE } from './cliQuery';
import { importCommand, IMPORT_USAGE } from './cliImport';

const USAGE = `Usage: async-customer-doctor diagnose FILE... [--json] [--locale en|sv]
       async-customer-doctor ${QUERY_USAGE.split('\n')[0]}
       async-customer-doctor report FILE [--format md|sarif|json|csv] [--redact] [-o OUT] [--force] [--locale en|sv]
       async-customer-doctor ${IMPORT_USAGE.split('\n')[0]}

diagnose: replays each scenario file (*.asyncscenario.json) in the simulation of Commerce
HQ and the channel side, and prints what it finds.
Exit codes: 0 no errors, 1 an error finding, 2 unusable input.

${QUERY_USAGE.split('\n').slice(2).join('\n')}

report: the walk of the FAQ and the findings of one scenario as Markdown (default), SARIF 2.1.0,
JSON (as diagnose --json) or CSV (the evidence rows). --redact replaces names, emails, phone
numbers and addresses (street, zip code, city) with stable pseudonyms everywhere. -o never
overwrites an existing file without --force.

${IMPORT_USAGE.split('\n').slice(2).join('\n')}`;

export async function main(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return 0;
  }
  if (command === 'query') {
    return queryCommand(rest, out, err);
  }
  if (command === 'import') {
    return importCommand(rest, out, err);
  }
  if (command === 'report') {
    return reportCommand(rest, out, err);
  }
  if (command !== 'diagnose') {
    err(command ? `Unknown command '${command}'.\n\n${USAGE}` : USAGE);
    return 2;
  }
  const json = rest.includes('--json');
  let locale: Locale = localeOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') {
      continue;
    }
    if (arg === '--locale') {
      locale = localeOf(rest[++i]);
    } else if (arg.startsWith('--locale=')) {
      locale = localeOf(arg.slice('--locale='.length));
    } else if (arg.startsWith('--')) {
      err(`Unknown option '${arg}'.\n\n${USAGE}`);
      return 2;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) {
    err(`No scenario file given.\n\n${USAGE}`);
    return 2;
  }

  const sql = await loadSqlJs();
  const reports: FileReport[] = files.map((file) => diagnoseFile(sql, file, locale));
  if (json) {
    out(JSON.stringify(reports.map(toJson), null, 2));
  } else {
    for (const report of reports) {
      printHuman(report, locale, out, err);
    }
  }
  if (reports.some((r) => r.unusable)) {
    return 2;
  }
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function diagnoseFile(sql: Awaited<ReturnType<typeof loadSqlJs>>, file: string, locale: Locale): FileReport {
  let text: string;
  try {
    if (statSync(file).isDirectory()) {
      return { file, findings: [], walk: [], unusable: `${file}: ${localize(msg('cli.directory', {}), locale)}` };
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { file, findings: [], walk: [], unusable: `${file}: ${localize(msg('cli.cannotRead', { code: code ?? String(error) }), locale)}` };
  }
  let analysis: ReturnType<typeof analyze>;
  try {
    analysis = analyze(sql, text, { locale });
  } catch (error) {
    // A bug of ours: this file says so, the others are still diagnosed.
    const reason = error instanceof Error ? error.message : String(error);
    return { file, findings: [], walk: [], unusable: `${file}: ${localize(msg('cli.internalError', { error: reason }), locale)}` };
  }
  // Too large to read at all is still a finding (ACD108, exit 1), like the other limits.
  if (!analysis.scenario.usable && analysis.findings[0]?.ruleId !== 'ACD108') {
    const first = analysis.findings[0];
    const where = first ? `:${first.location.range.start.line + 1}:${first.location.range.start.character + 1}` : '';
    // The first finding says why (not JSON, not an object, none of the scenario's keys); the rest follow it.
    return { file, findings: analysis.findings.slice(1), walk: [], unusable: `${file}${where}: ${first ? first.message : 'not a scenario file'}` };
  }
  return { file, findings: analysis.findings, walk: analysis.walk };
}

function printHuman(report: FileReport, locale: Locale, out: (line: string) => void, err: (line: string) => void): void {
  const say = (key: MessageKey) => localize(msg(key, {}), locale);
  if (report.unusable) {
    err(report.unusable);
  }
  if (report.findings.length === 0 && !report.unusable) {
    out(`${report.file}: ${say('cli.noFindings')}`);
    return;
  }
  for (const finding of report.findings) {
    const { line, character } = finding.location.range.start;
    out(`${report.file}:${line + 1}:${character + 1}: ${say(`severity.${finding.severity}`)} ${finding.ruleId}: ${finding.message}`);
    if (finding.remedy) {
      out(`    ${say('cli.inHq')}: ${finding.remedy.menuPath ? `${finding.remedy.menuPath}: ` : ''}${finding.remedy.text}`);
    }
    for (const fix of finding.fixes) {
      out(`    ${say('cli.fix')}: ${fix.title}`);
    }
  }
}

if (require.main === module) {
  // Output piped into a reader that stopped (| head): end quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') {
        process.exit(process.exitCode ?? 0);
      }
      throw error;
    });
  }
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`async-customer-doctor: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
