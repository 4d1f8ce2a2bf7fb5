// The typed failures of evidence import. The command line turns an EvidenceFileError into
// exit 2 with its message; nothing else escapes the readers.

export type EvidenceFileProblem =
  | 'tooLarge'
  | 'empty'
  | 'unreadable'
  | 'truncated'
  | 'zipBomb'
  | 'unrecognised';

/** A file that cannot be imported at all: the message names the file and what was expected. */
export class EvidenceFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: EvidenceFileProblem,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'EvidenceFileError';
  }
}

/** A mapping file or an import option that cannot be used as written. */
export class EvidenceOptionError extends Error {
  constructor(
    readonly source: string,
    detail: string,
  ) {
    super(`${source}: ${detail}`);
    this.name = 'EvidenceOptionError';
  }
}

/** A row skipped because a value in it could not be read; `row` is 1-based as the file shows it. */
export interface EvidenceWarning {
  readonly file: string;
  readonly sheet?: string;
  readonly row: number;
  readonly message: string;
}

export function formatWarning(w: EvidenceWarning): string {
  const where = w.sheet === undefined ? `${w.file}:${w.row}` : `${w.file} [${w.sheet}]:${w.row}`;
  return `${where}: ${w.message}`;
}
