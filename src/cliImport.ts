// `import` on the command line: reads HQ exports (CSV, text, XLSX; files or folders) and writes
// a scenario whose entries name their source rows, to standard output or to -o.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  collectEvidence,
  describeNeedsMapping,
  EvidenceFileError,
  EvidenceOptionError,
  formatWarning,
  parseChannelPairs,
  parseDateOrder,
  parseHeaderMappingText,
  parseTimeZone,
  type CollectOptions,
} from './evidence';
import { generateScenario } from './evidence/generate';
import { writeFileAtomically } from './io/atomicWrite';

export const IMPORT_USAGE = `import FILE... [-o OUT] [--channel CHANNEL=DATABASE]... [--date-order mdy|dmy|ymd] [--time-zone +01:00] [--mapping MAPPING.json] [--force]

import: reads exports from Commerce headquarters (Feature management, Customer synchronization
status, Commerce Data Exchange download and upload sessions, batch job history, the SQL pack's
results; CSV, Unicode text or XLSX; a folder stands for the files in it) and writes a scenario
to standard output, or to -o OUT (never over an existing file without --force). Rows that
cannot be read are reported on standard error with file:row and skipped.
Exit codes: 0 written, 2 unreadable or unrecognised files, bad options, or a channel whose
channel database the files cannot tell (give it with --channel).`;

interface ImportArgs {
  readonly files: readonly string[];
  readonly output?: string;
  readonly force: boolean;
  readonly options: CollectOptions;
}

export async function importCommand(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof EvidenceOptionError) {
      err(`${error.message}\n\nUsage: async-customer-doctor ${IMPORT_USAGE.split('\n')[0]}`);
      return 2;
    }
    throw error;
  }
  if (args.output !== undefined && existsSync(args.output) && !args.force) {
    err(`${args.output} exists; not overwritten. Give --force to replace it, or another -o.`);
    return 2;
  }
  let files: { name: string; bytes: Uint8Array }[];
  try {
    files = readInputs(args.files);
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      return 2;
    }
    throw error;
  }
  let collection;
  try {
    collection = collectEvidence(files, args.options);
  } catch (error) {
    if (error instanceof EvidenceFileError || error instanceof EvidenceOptionError) {
      err(error.message);
      return 2;
    }
    throw error;
  }
  if (collection.kind === 'needsMapping') {
    err(describeNeedsMapping(collection.resolution));
    return 2;
  }
  for (const warning of collection.warnings) {
    err(`warning: ${formatWarning(warning)}`);
  }
  const text = generateScenario(collection.evidence, { files: files.map((f) => f.name) });
  if (args.output === undefined) {
    out(text.replace(/\n$/, ''));
    return 0;
  }
  try {
    await writeFileAtomically(args.output, text);
  } catch (error) {
    err(`${args.output}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return 2;
  }
  err(`${args.output}: scenario written from ${files.length} file${files.length === 1 ? '' : 's'}; diagnose it with: async-customer-doctor diagnose ${args.output}`);
  return 0;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): ImportArgs {
  const files: string[] = [];
  const pairs: string[] = [];
  let output: string | undefined;
  let force = false;
  let dateOrder: string | undefined;
  let timeZone: string | undefined;
  let mappingFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') {
        throw new UsageError(`${flag} needs a value.`);
      }
      return v;
    };
    if (flag === '-o' || flag === '--output') {
      output = value();
    } else if (flag === '--force') {
      force = true;
    } else if (flag === '--channel') {
      pairs.push(value());
    } else if (flag === '--date-order') {
      dateOrder = value();
    } else if (flag === '--time-zone') {
      timeZone = value();
    } else if (flag === '--mapping') {
      mappingFile = value();
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`Unknown option '${arg}'.`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) {
    throw new UsageError('No export file given.');
  }
  let mapping: CollectOptions['mapping'];
  if (mappingFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(mappingFile, 'utf8');
    } catch (error) {
      throw new UsageError(`${mappingFile}: cannot read the mapping file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    mapping = parseHeaderMappingText(mappingFile, text);
  }
  if (timeZone !== undefined) {
    parseTimeZone(timeZone);
  }
  return {
    files,
    output,
    force,
    options: {
      channelDatabases: parseChannelPairs(pairs),
      dateOrder: dateOrder === undefined ? undefined : parseDateOrder(dateOrder),
      timeZone,
      mapping,
    },
  };
}

/** The files to read: each file named, and the files directly in each folder named (hidden ones left out). */
function readInputs(paths: readonly string[]): { name: string; bytes: Uint8Array }[] {
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) {
        const inside = readdirSync(path)
          .filter((n) => !n.startsWith('.'))
          .sort()
          .map((n) => join(path, n))
          .filter((p) => statSync(p).isFile());
        if (inside.length === 0) {
          throw new UsageError(`${path}: the folder holds no files to import.`);
        }
        files.push(...inside.map((p) => ({ name: p, bytes: readFileSync(p) })));
      } else {
        files.push({ name: path, bytes: readFileSync(path) });
      }
    } catch (error) {
      if (error instanceof UsageError) {
        throw error;
      }
      throw new UsageError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  // Comments and messages name a file by its name alone when that tells the files apart.
  const names = files.map((f) => basename(f.name));
  return new Set(names).size === names.length ? files.map((f, i) => ({ name: names[i], bytes: f.bytes })) : files;
}
