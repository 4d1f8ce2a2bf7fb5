// Evidence → scenario: an ordinary, editable scenario (JSONC) whose every entry carries a
// comment naming the export row it comes from. Runs become `runJob` / `runBatch` entries at
// their time (failed ones with `fails`); a line of the Customer synchronization status page,
// which shows a state and not the history behind it, becomes an `observedOperation`.
import { resolveBatchJobId } from '../domain/jobs';
import { MANDATORY_FROM } from '../domain/versions';
import type { ChannelDatabaseEvidence, Evidence, FeatureEvidence } from './bundle';
import type { EvidenceSource, SyncStatusRecord } from './records';

export interface GenerateOptions {
  /** The scenario's name; default: from the channels. */
  readonly name?: string;
  /** The files read, for the header comment. */
  readonly files?: readonly string[];
}

/** One timeline entry before it is written: when, what, and the rows it comes from. */
interface PlannedEntry {
  readonly at: string;
  /** Same-instant order: features, downloads, uploads, status rows, batch runs. */
  readonly order: number;
  readonly value: Record<string, unknown>;
  readonly comment: string;
}

/** The minutes the scenario starts before the earliest run or status row. */
const LEAD_MS = 60_000;

function formatSource(source: EvidenceSource): string {
  return `${source.file}${source.sheet === undefined ? '' : ` [${source.sheet}]`}:${source.row}`;
}

export function generateScenario(evidence: Evidence, options: GenerateOptions = {}): string {
  const activity = activityInstants(evidence);
  // Features enabled before the first run or status row in the files are at the start: the
  // exports say nothing of the downloads in between, so the channels are taken to have them.
  // Without any date in the files (only the SQL pack's results), the scenario starts now.
  const startMs = activity.length > 0 ? Date.parse(activity[0]) - LEAD_MS : evidence.span ? Date.parse(evidence.span.from) - LEAD_MS : Math.floor(Date.now() / LEAD_MS) * LEAD_MS - LEAD_MS;
  const start = iso(startMs);
  const entries: PlannedEntry[] = [];
  const notReplayed: string[] = [];
  const featureLines: string[] = [];

  for (const f of evidence.features) {
    // A feature that is mandatory in the newest version (the scenario names none) is on from the start.
    const laterEnable = f.enabled && f.enabledAt !== undefined && Date.parse(f.enabledAt) > startMs && MANDATORY_FROM[f.feature] === undefined;
    featureLines.push(featureLine(f, laterEnable));
    if (laterEnable) {
      entries.push({ at: f.enabledAt, order: 0, value: { enableFeature: f.feature }, comment: `${formatSource(f.source)}: enabled ${f.enabledAt}` });
    }
  }

  for (const db of evidence.channelDatabases) {
    entries.push(...sessionEntries(db, notReplayed));
  }

  for (const channel of evidence.channels) {
    for (const row of channel.statusRows) {
      entries.push(statusEntry(row));
    }
  }

  for (const run of evidence.batchRuns) {
    const batch = resolveBatchJobId(run.job);
    const where = `${formatSource(run.source)}: ${run.description}, ${run.statusText}`;
    if (batch === undefined) {
      notReplayed.push(`${where} (the simulation has no such batch job)`);
      continue;
    }
    const value: Record<string, unknown> = { runBatch: batch };
    if (run.status === 'failed') {
      value.fails = `Batch job history: ${run.statusText}`;
    }
    entries.push({ at: run.start, order: 4, value, comment: where });
  }

  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);
  const undated = stagedEntries(evidence, notReplayed);

  const channelLines = channelsOf(evidence);
  const out: string[] = [];
  out.push('// Imported from Commerce headquarters exports by Async Customer Doctor (evidence import).');
  if (options.files && options.files.length > 0) {
    out.push(`// Files: ${options.files.join(', ')}`);
  }
  out.push('// Every entry names the export row it comes from (file:row). This is an ordinary scenario:');
  out.push('// edit it, add what the exports do not show, and diagnose it again.');
  out.push('{');
  out.push(`  "name": ${JSON.stringify(options.name ?? `Imported evidence: ${evidence.channels.map((c) => c.name).join(', ') || 'no channels'}`)},`);
  out.push(`  // ${LEAD_MS / 60_000} minute before the first run or status row in the files`);
  out.push(`  "start": ${JSON.stringify(start)},`);
  out.push('  "features": {');
  pushItems(out, featureLines);
  out.push('  },');
  out.push('  "channels": [');
  pushItems(out, channelLines);
  out.push('  ],');
  out.push('  "timeline": [');
  pushItems(out, [
    ...entries.map((e) => `// ${oneLine(e.comment)}\n${JSON.stringify({ at: e.at, ...e.value })}`),
    ...undated.map((e) => `// ${oneLine(e.comment)}\n${JSON.stringify(e.value)}`),
  ]);
  if (notReplayed.length > 0) {
    out.push('    // Rows read but not replayed:');
    out.push(...notReplayed.map((line) => `    //   ${oneLine(line)}`));
  }
  out.push('  ]');
  out.push('}');
  return out.join('\n') + '\n';
}

/** Items that are a comment line and a value each, with commas after the values; nothing for none. */
function pushItems(out: string[], items: readonly string[]): void {
  if (items.length > 0) {
    out.push(joinItems(items, '    '));
  }
}

function joinItems(items: readonly string[], indent: string): string {
  return items
    .map((item, i) => {
      const lines = item.split('\n');
      const last = lines.length - 1;
      return lines.map((line, j) => `${indent}${line}${j === last && i < items.length - 1 ? ',' : ''}`).join('\n');
    })
    .join('\n');
}

function featureLine(f: FeatureEvidence, laterEnable: boolean): string {
  const when = f.enabledAt === undefined ? '' : `, enable date ${f.enabledAt}`;
  const note = laterEnable ? `${f.enabled ? 'enabled' : 'disabled'}${when}: off at the start, enabled in the timeline` : `${f.enabled ? 'enabled' : 'disabled'}${when}`;
  return `// ${oneLine(`${formatSource(f.source)}: ${note}`)}\n${JSON.stringify(f.feature)}: ${String(f.enabled && !laterEnable)}`;
}

function channelsOf(evidence: Evidence): string[] {
  const lines = evidence.channels.map((c) => {
    const first = c.statusRows[0];
    const where = first ? `${formatSource(first.source)} names channel ${c.name}` : `channel ${c.name}`;
    return `// ${oneLine(where)}; on channel database ${c.channelDatabase}\n${JSON.stringify({ id: c.name, kind: 'store', channelDatabase: c.channelDatabase, asyncCustomerCreation: true })}`;
  });
  // A channel database that only the sessions name still needs a channel for the simulation to hold it.
  const covered = new Set(evidence.channels.map((c) => c.channelDatabase));
  for (const db of evidence.channelDatabases) {
    if (!covered.has(db.name)) {
      lines.push(
        `// no status row names a channel of channel database ${db.name}: this channel stands for it\n` +
          JSON.stringify({ id: `${db.name}-channel`, kind: 'store', channelDatabase: db.name, asyncCustomerCreation: true }),
      );
    }
  }
  return lines;
}

function sessionEntries(db: ChannelDatabaseEvidence, notReplayed: string[]): PlannedEntry[] {
  const entries: PlannedEntry[] = [];
  for (const sessions of Object.values(db.download)) {
    for (const s of sessions ?? []) {
      const where = `${formatSource(s.source)}: download session, job ${s.job}, ${s.statusText}`;
      if (s.status === 'notApplied') {
        notReplayed.push(`${where} (did not reach the channel database)`);
        continue;
      }
      const value: Record<string, unknown> = { runJob: s.job, channelDatabase: db.name };
      if (s.status === 'failed') {
        value.fails = s.message ?? s.statusText;
      }
      entries.push({ at: s.at, order: 1, value, comment: where });
    }
  }
  for (const s of db.upload) {
    const where = `${formatSource(s.source)}: upload session ${s.uploadSessionId}, ${s.statusText}`;
    if (s.status === 'inProgress') {
      notReplayed.push(`${where} (not finished)`);
      continue;
    }
    const value: Record<string, unknown> = { runJob: 'P-0001', channelDatabase: db.name };
    if (s.status === 'failed') {
      value.fails = s.message ?? s.statusText;
    }
    entries.push({ at: s.at, order: 2, value, comment: where });
  }
  return entries;
}

function statusEntry(row: SyncStatusRecord): PlannedEntry {
  const op = row.operation?.toLowerCase() ?? '';
  const operation = /update|edit|modif/.test(op) ? 'update' : 'create';
  const observed: Record<string, unknown> = { channel: row.channel, asyncCustomerAccount: row.asyncCustomerAccount };
  if (row.customerAccount !== undefined) {
    observed.customerAccount = row.customerAccount;
  }
  observed.operation = operation;
  observed.status = row.status;
  if (row.lastKnownError !== undefined) {
    observed.lastKnownError = row.lastKnownError;
  }
  const opText = row.operation === undefined ? '' : `, ${row.operation}`;
  return { at: row.at, order: 3, value: { observedOperation: observed }, comment: `${formatSource(row.source)}: Customer synchronization status ${row.statusText}${opText}` };
}

/**
 * Rows of HQ's staging table (SQL pack) carry no date: they show the state when the query ran,
 * after everything dated, so they come last and without "at". A status row of the same async
 * customer says more (time, error) and wins.
 */
function stagedEntries(evidence: Evidence, notReplayed: string[]): { value: Record<string, unknown>; comment: string }[] {
  const withStatus = new Set(evidence.channels.flatMap((c) => c.statusRows.map((r) => r.asyncCustomerAccount.toLowerCase())));
  const entries: { value: Record<string, unknown>; comment: string }[] = [];
  for (const channel of evidence.channels) {
    for (const row of channel.stagedRows) {
      const where = `${formatSource(row.source)}: RETAILASYNCCUSTOMERV2 ONLINEOPERATIONCOMPLETED = ${row.completed ? 1 : 0}, OPERATION ${row.operation}`;
      if (withStatus.has(row.asyncCustomerAccount.toLowerCase())) {
        notReplayed.push(`${where} (a Customer synchronization status row of ${row.asyncCustomerAccount} says more)`);
        continue;
      }
      if (row.operation === 'deactivate') {
        notReplayed.push(`${where} (deactivations are not simulated)`);
        continue;
      }
      const observed: Record<string, unknown> = { channel: channel.name, asyncCustomerAccount: row.asyncCustomerAccount };
      if (row.customerAccount !== undefined) {
        observed.customerAccount = row.customerAccount;
      }
      observed.operation = row.operation;
      observed.status = row.completed ? 'succeeded' : 'pending';
      entries.push({ value: { observedOperation: observed }, comment: `${where}; as the query found it, after every dated row` });
    }
  }
  return entries;
}

/** Runs and status rows, oldest first (feature enable dates left out). */
function activityInstants(evidence: Evidence): string[] {
  const instants: string[] = [];
  for (const db of evidence.channelDatabases) {
    for (const sessions of Object.values(db.download)) {
      instants.push(...(sessions ?? []).map((s) => s.at));
    }
    instants.push(...db.upload.map((s) => s.at));
  }
  instants.push(...evidence.channels.flatMap((c) => c.statusRows.map((r) => r.at)));
  instants.push(...evidence.batchRuns.map((r) => r.start));
  return instants.sort((a, b) => Date.parse(a) - Date.parse(b));
}

/** Text from the files inside a // comment: line breaks would end the comment. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
