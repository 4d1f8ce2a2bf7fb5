// Which reading options change what the files say, so an interactive import asks only for
// those: the date order matters when a file's a/b/yyyy dates read validly but differently as
// M/d and d/M, the time zone when any date is written without an offset.
import type { EvidenceReadOptions } from './read';
import { readEvidenceFiles } from './read';

export interface ReadingChoices {
  readonly dateOrder: boolean;
  readonly timeZone: boolean;
}

/** Reads the files with each choice; a file that cannot be read at all leaves the choice to the real read (false). */
export function readingChoices(files: readonly { readonly name: string; readonly bytes: Uint8Array }[], options: EvidenceReadOptions = {}): ReadingChoices {
  // Both readings must succeed row for row: when one order makes dates impossible (a day
  // above 12), the files settle the order themselves.
  const differs = (a: EvidenceReadOptions, b: EvidenceReadOptions): boolean => {
    try {
      const first = readEvidenceFiles(files, { ...options, ...a });
      const second = readEvidenceFiles(files, { ...options, ...b });
      return first.warnings.length === second.warnings.length && JSON.stringify(first.records) !== JSON.stringify(second.records);
    } catch {
      return false;
    }
  };
  return {
    dateOrder: options.dateOrder === undefined && differs({ dateOrder: 'mdy' }, { dateOrder: 'dmy' }),
    timeZone: options.timeZone === undefined && differs({ timeZone: '+00:00' }, { timeZone: '+01:00' }),
  };
}
