// Incremental replay: after any sequence of edits, the findings, outcomes and every table are
// those a replay from the start gives, and an edit near the end does not replay from the start.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { SqlJsStatic } from 'sql.js';
import { analyze, type Analysis } from '../../src/diagnose/engine';
import { IncrementalReplay } from '../../src/scenario/incremental';
import { loadSql, scenario } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const person = fc.constantFrom('Ana', 'Bo', 'Cleo');
const channel = fc.constantFrom('Store42', 'Web', 'Store7');
const anEntry = fc.oneof(
  fc.record({ createCustomer: fc.record({ channel, firstName: person, lastName: fc.constant('Berg'), offline: fc.boolean() }) }),
  fc.record({
    createCustomer: fc.record({
      channel,
      firstName: person,
      lastName: fc.constant('Lind'),
      address: fc.record({ street: fc.constant('Storgatan 1'), city: fc.constant('Umeå'), zip: fc.constant('90326'), countryRegion: fc.constantFrom('SWE', 'SVE') }),
    }),
  }),
  fc.record({ editCustomer: fc.record({ channel, customer: person.map((p) => `${p} Berg`), phone: fc.constantFrom('+46 1', '+46 2') }) }),
  fc.record({ runJob: fc.constantFrom('1010', '1070', '1110', 'P-0001'), channelDatabase: fc.constantFrom('Default', 'Online') }),
  fc.record({ runJob: fc.constantFrom('1010', 'P-0001') }),
  fc.record({ runBatch: fc.constant('SynchronizeCustomersAndChannelRequests') }),
  fc.record({ generateCustomers: fc.record({ count: fc.integer({ min: 1, max: 25 }) }) }),
  fc.record({ advance: fc.constantFrom('PT5M', 'PT1H', 'P1D') }),
  fc.record({ at: fc.constantFrom('2026-11-01T07:00:00Z', '2026-11-01T12:00:00Z', '2026-11-03T12:00:00Z'), advance: fc.constant('PT1M') }),
  fc.record({ updateChannel: fc.record({ channel, asyncCustomerCreation: fc.boolean() }) }),
  fc.record({ resync: person.map((p) => `${p} Lind`) }),
  fc.record({ editFailedOperation: fc.record({ operation: person.map((p) => `${p} Lind`), countryRegion: fc.constant('SWE') }) }),
  fc.record({ enableFeature: fc.constantFrom('AsyncCustomerEditing', 'AsyncCustomerAddressCreation') }),
  fc.record({ disableFeature: fc.constantFrom('AsyncCustomerEditing', 'EnhancedAsyncCustomerCreation') }),
  fc.record({ runJob: fc.constantFrom('1010', 'P-0001'), fails: fc.constant('Timeout expired') }),
  fc.record({ runBatch: fc.constantFrom('SynchronizeCustomersAndChannelRequests', 'SynchronizeOrders') }),
  fc.record({ createCustomerOrder: fc.record({ channel, customer: person.map((p) => `${p} Berg`) }) }),
  fc.record({ createSale: fc.record({ channel, customer: person.map((p) => `${p} Lind`) }) }),
  fc.record({ issueLoyaltyCard: fc.record({ channel, customer: person.map((p) => `${p} Berg`) }) }),
  // Not a valid entry: later entries keep their array index, valid ones around it still replay.
  fc.constant({ nonsense: true }),
);

interface Doc {
  readonly features: Record<string, boolean>;
  readonly channels: unknown[];
  readonly timeline: unknown[];
  readonly name: string;
  readonly schedules?: readonly unknown[];
}

const channelsOf = (asyncStore: boolean): unknown[] => [
  { id: 'Store42', kind: 'store', channelDatabase: 'Default', asyncCustomerCreation: asyncStore },
  { id: 'Store7', kind: 'store', channelDatabase: 'Default', asyncCustomerCreation: true },
  { id: 'Web', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: true },
];

const aDoc = fc.record({
  features: fc.record({ EnhancedAsyncCustomerCreation: fc.boolean(), AsyncCustomerEditing: fc.boolean(), CustomerOrderPerformance: fc.constant(true), AsyncCustomerAddressCreation: fc.boolean() }),
  channels: fc.boolean().map(channelsOf),
  timeline: fc.array(anEntry, { minLength: 1, maxLength: 14 }),
  name: fc.constant('Random'),
  schedules: fc.option(fc.constant([{ runJob: 'P-0001', every: 'PT15M' }, { runBatch: 'SynchronizeCustomersAndChannelRequests', every: 'PT30M' }]), { nil: undefined }),
});

type Edit = (doc: Doc) => Doc;

function spliced(list: readonly unknown[], at: number, remove: number, ...insert: unknown[]): unknown[] {
  const copy = [...list];
  copy.splice(at, remove, ...insert);
  return copy;
}

/** What a person does to a scenario between two analyses. */
const anEdit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.nat(), anEntry).map(([at, entry]): Edit => (d) => ({ ...d, timeline: d.timeline.map((e, i) => (i === at % d.timeline.length ? entry : e)) })) },
  { weight: 3, arbitrary: anEntry.map((entry): Edit => (d) => ({ ...d, timeline: [...d.timeline, entry] })) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(), anEntry).map(([at, entry]): Edit => (d) => ({ ...d, timeline: spliced(d.timeline, at % (d.timeline.length + 1), 0, entry) })) },
  { weight: 2, arbitrary: fc.nat().map((at): Edit => (d) => ({ ...d, timeline: spliced(d.timeline, at % d.timeline.length, 1) })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 5 }).map((name): Edit => (d) => ({ ...d, name })) },
  { weight: 1, arbitrary: fc.boolean().map((on): Edit => (d) => ({ ...d, features: { ...d.features, AsyncCustomerEditing: on } })) },
  { weight: 1, arbitrary: fc.boolean().map((on): Edit => (d) => ({ ...d, channels: channelsOf(on) })) },
);

function textOf(doc: Doc): string {
  return scenario({ features: doc.features, channels: doc.channels, timeline: doc.timeline.length > 0 ? doc.timeline : [{ advance: 'PT1M' }], extra: { name: doc.name, ...(doc.schedules ? { schedules: doc.schedules } : {}) } });
}

/** What a user sees of an analysis, and every table of the simulation behind it. */
function observable(analysis: Analysis): unknown {
  return {
    findings: analysis.findings,
    walk: analysis.walk,
    outcomes: [...analysis.outcomes],
    tables: analysis.sim ? [...analysis.sim.exportAll()].map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]) : [],
    state: analysis.sim?.exportState(),
  };
}

describe('incremental replay', () => {
  let sql: SqlJsStatic;
  before(async () => {
    sql = await loadSql();
  });

  it(`gives the findings and tables of a full replay after random edits of random scenarios (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(aDoc, fc.array(fc.tuple(anEdit, fc.option(fc.nat({ max: 40 }), { freq: 4 })), { minLength: 1, maxLength: 6 }), (first, edits) => {
        const incremental = new IncrementalReplay(sql);
        try {
          let doc: Doc = first;
          analyze(sql, textOf(doc), { incremental });
          for (const [edit, cancelAfter] of edits) {
            doc = edit(doc);
            const text = textOf(doc);
            if (cancelAfter !== null) {
              // A newer version arrives part way through: this replay stops, the next one must not notice.
              let checks = 0;
              analyze(sql, text, { incremental, isCancelled: () => ++checks > cancelAfter });
            }
            const full = analyze(sql, text, { keepSimulation: true });
            try {
              assert.deepEqual(observable(analyze(sql, text, { incremental })), observable(full));
            } finally {
              full.sim?.close();
            }
          }
        } finally {
          incremental.close();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('replays only the last entry after an edit in it, and from the start after an edit of the channels', () => {
    const incremental = new IncrementalReplay(sql);
    try {
      const timeline: unknown[] = [{ generateCustomers: { count: 50 } }, { runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }, { advance: 'PT1H' }];
      const first = analyze(sql, scenario({ timeline }), { incremental });
      assert.equal(first.resumedAt, 0);
      const edited = analyze(sql, scenario({ timeline: [...timeline.slice(0, 3), { advance: 'PT2H' }] }), { incremental });
      assert.equal(edited.resumedAt, 3);
      const appended = analyze(sql, scenario({ timeline: [...timeline.slice(0, 3), { advance: 'PT2H' }, { runJob: '1010' }] }), { incremental });
      assert.equal(appended.resumedAt, 4, 'an appended entry continues from where the last replay ended');
      const otherChannels = analyze(sql, scenario({ channels: channelsOf(false), timeline }), { incremental });
      assert.equal(otherChannels.resumedAt, 0);
    } finally {
      incremental.close();
    }
  });

  it('stays correct when the checkpoints are over their budget', () => {
    const incremental = new IncrementalReplay(sql);
    try {
      const timeline: unknown[] = [{ generateCustomers: { count: 200 } }, { runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }, { runJob: '1010' }];
      const text = scenario({ timeline });
      incremental.replay(analyze(sql, text).scenario, { checkpointBudgetBytes: 0 });
      const editedText = scenario({ timeline: [{ generateCustomers: { count: 201 } }, ...timeline.slice(1)] });
      const result = incremental.replay(analyze(sql, editedText).scenario, { checkpointBudgetBytes: 0 });
      assert.equal(result.resumedAt, 0, 'with no checkpoint before the edit, the replay starts over');
      const full = analyze(sql, editedText, { keepSimulation: true });
      try {
        assert.deepEqual([...result.sim.exportAll()], [...full.sim!.exportAll()]);
      } finally {
        full.sim?.close();
      }
    } finally {
      incremental.close();
    }
  });
  it('replays without checkpoints, to the same result, when their journal does not fit in memory', () => {
    // sql.js as it is at a million customers: the first upload run while a checkpoint is open
    // fails with SQLite's out of memory, as the journal kept for the checkpoint fills the heap.
    let failures = 0;
    class TightDatabase extends sql.Database {
      private savepointOpen = false;
      override exec(text: string, params?: Parameters<InstanceType<SqlJsStatic['Database']>['exec']>[1]) {
        if (/^SAVEPOINT /.test(text)) {
          this.savepointOpen = true;
        }
        return super.exec(text, params);
      }
      override prepare(text: string, params?: Parameters<InstanceType<SqlJsStatic['Database']>['prepare']>[1]) {
        const statement = super.prepare(text, params);
        if (this.savepointOpen && /INSERT INTO hq\.RETAILASYNCCUSTOMERV2/.test(text)) {
          statement.step = () => {
            failures++;
            throw new Error('out of memory');
          };
        }
        return statement;
      }
    }
    const tight = { ...sql, Database: TightDatabase } as unknown as SqlJsStatic;
    const incremental = new IncrementalReplay(tight);
    try {
      const timeline: unknown[] = [{ generateCustomers: { count: 40 } }, { runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }, { advance: 'PT1H' }];
      const first = analyze(tight, scenario({ timeline }), { incremental });
      assert.equal(failures, 1, 'the upload ran out of memory once, with a checkpoint open');
      const full = analyze(sql, scenario({ timeline }));
      assert.deepEqual(first.findings, full.findings);
      assert.ok(first.findings.some((f) => f.ruleId === 'ACD007'), 'the customers reached HQ and wait for 1010');
      const edited = analyze(tight, scenario({ timeline: [...timeline.slice(0, 3), { advance: 'PT2H' }] }), { incremental });
      assert.equal(failures, 1, 'no checkpoint is opened again for a scenario that size');
      assert.equal(edited.resumedAt, 0, 'without checkpoints an edit replays from the start');
      assert.deepEqual(edited.findings, analyze(sql, scenario({ timeline: [...timeline.slice(0, 3), { advance: 'PT2H' }] })).findings);
      const appended = analyze(tight, scenario({ timeline: [...timeline.slice(0, 3), { advance: 'PT2H' }, { runJob: '1010' }] }), { incremental });
      assert.equal(appended.resumedAt, 4, 'an appended entry still continues where the last replay ended');
    } finally {
      incremental.close();
    }
  });
});
