// Which channel database each channel is on. The status grid names channels, the CDX
// sessions name channel databases, and no export links the two. Explicit pairs
// (`--channel CHANNEL=DATABASE`) win; when the files name a single database, every channel
// is on it; otherwise the channels left over need the user to say.
import { EvidenceOptionError } from './errors';
import type { EvidenceRecord } from './records';

export type ChannelDatabaseResolution =
  | { readonly kind: 'resolved'; readonly channelDatabases: Readonly<Record<string, string>> }
  | {
      readonly kind: 'needsMapping';
      /** Channels whose database the files cannot tell, in the order the files name them. */
      readonly unresolved: readonly string[];
      /** The channel databases the files name, to choose from. */
      readonly candidates: readonly string[];
      /** What is already known (explicit pairs). */
      readonly channelDatabases: Readonly<Record<string, string>>;
    };

/** Parses `CHANNEL=DATABASE` pairs as given on the command line. */
export function parseChannelPairs(pairs: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const channel = at < 0 ? '' : pair.slice(0, at).trim();
    const database = at < 0 ? '' : pair.slice(at + 1).trim();
    if (channel === '' || database === '') {
      throw new EvidenceOptionError('--channel', `"${pair}" is not CHANNEL=DATABASE (for example Store42=Default)`);
    }
    const previous = Object.keys(result).find((c) => c.toLowerCase() === channel.toLowerCase());
    if (previous !== undefined && result[previous] !== database) {
      throw new EvidenceOptionError('--channel', `channel "${channel}" is given two databases, "${result[previous]}" and "${database}"`);
    }
    result[channel] = database;
  }
  return result;
}

export function channelsIn(records: readonly EvidenceRecord[]): string[] {
  return unique(records.flatMap((r) => (r.kind === 'customerSyncStatus' || r.kind === 'hqStagedCustomers' ? [r.channel] : [])));
}

export function channelDatabasesIn(records: readonly EvidenceRecord[]): string[] {
  return unique(records.flatMap((r) => (r.kind === 'downloadSessions' || r.kind === 'uploadSessions' ? [r.channelDatabase] : [])));
}

export function resolveChannelDatabases(
  channels: readonly string[],
  databases: readonly string[],
  explicit: Readonly<Record<string, string>>,
): ChannelDatabaseResolution {
  const known: Record<string, string> = {};
  const unresolved: string[] = [];
  for (const channel of channels) {
    const given = Object.keys(explicit).find((c) => c.toLowerCase() === channel.toLowerCase());
    if (given !== undefined) {
      known[channel] = explicit[given];
    } else if (databases.length === 1) {
      known[channel] = databases[0];
    } else {
      unresolved.push(channel);
    }
  }
  return unresolved.length === 0
    ? { kind: 'resolved', channelDatabases: known }
    : { kind: 'needsMapping', unresolved, candidates: [...databases], channelDatabases: known };
}

/** The one clear message for the command line (exit 2). */
export function describeNeedsMapping(result: Extract<ChannelDatabaseResolution, { kind: 'needsMapping' }>): string {
  const names = result.unresolved.map((c) => `"${c}"`);
  const channels = names.length === 1 ? `channel ${names[0]} is` : `channels ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are`;
  if (result.candidates.length === 0) {
    return `The files do not say which channel database ${channels} on (they hold no download or upload sessions); give each with --channel CHANNEL=DATABASE.`;
  }
  const pair = `${result.unresolved[0]}=${result.candidates[0]}`;
  const example = /\s/.test(pair) ? `"${pair}"` : pair;
  return (
    `The files name several channel databases (${result.candidates.map((d) => `"${d}"`).join(', ')}) and do not say which one ` +
    `${channels} on; give each with --channel CHANNEL=DATABASE, for example --channel ${example}.`
  );
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v.toLowerCase()) ? false : (seen.add(v.toLowerCase()), true)));
}
