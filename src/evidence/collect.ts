// The whole reading half in one call, for the import command and the VS Code command: read
// the files, place every channel on its channel database, group the evidence.
import { type Evidence, groupEvidence } from './bundle';
import { type ChannelDatabaseResolution, channelDatabasesIn, channelsIn, resolveChannelDatabases } from './channels';
import type { EvidenceWarning } from './errors';
import { type EvidenceReading, type EvidenceReadOptions, readEvidenceFiles } from './read';

export interface CollectOptions extends EvidenceReadOptions {
  /** Explicit channel → channel database pairs (`--channel`), from parseChannelPairs or a QuickPick. */
  readonly channelDatabases?: Readonly<Record<string, string>>;
}

export type EvidenceCollection =
  | {
      readonly kind: 'evidence';
      readonly reading: EvidenceReading;
      readonly evidence: Evidence;
      /** Every warning: unreadable rows, then conflicts found while grouping. */
      readonly warnings: readonly EvidenceWarning[];
    }
  | {
      readonly kind: 'needsMapping';
      readonly reading: EvidenceReading;
      readonly resolution: Extract<ChannelDatabaseResolution, { kind: 'needsMapping' }>;
    };

/** Throws EvidenceFileError / EvidenceOptionError like the readers; a missing channel mapping is a result, not an error. */
export function collectEvidence(files: readonly { readonly name: string; readonly bytes: Uint8Array }[], options: CollectOptions = {}): EvidenceCollection {
  const reading = readEvidenceFiles(files, options);
  const resolution = resolveChannelDatabases(channelsIn(reading.records), channelDatabasesIn(reading.records), options.channelDatabases ?? {});
  if (resolution.kind === 'needsMapping') {
    return { kind: 'needsMapping', reading, resolution };
  }
  const evidence = groupEvidence(reading.records, resolution.channelDatabases);
  return { kind: 'evidence', reading, evidence, warnings: [...reading.warnings, ...evidence.warnings] };
}
