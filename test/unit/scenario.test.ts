import { strict as assert } from 'node:assert';
import { parseScenario } from '../../src/scenario/parse';
import { replay } from '../../src/scenario/replay';
import { channelDatabaseNames, channelSeesFeature } from '../../src/sim/queries';
import { rawAll, rawCount } from './rawTables';
import { applyFix, coveredText, diagnose, loadSql, only, sample, scenario } from './helpers';

/** The finding of a rule in a scenario, asserting there is exactly one. */
async function single(text: string, ruleId: string) {
  const { findings } = await diagnose(text);
  const matching = only(findings, ruleId);
  assert.equal(matching.length, 1, `expected one ${ruleId}, got ${JSON.stringify(findings.map((f) => `${f.ruleId}: ${f.message}`))}`);
  return matching[0];
}

describe('scenario files', () => {
  describe('problems in the file become findings with exact ranges', () => {
    it('covers exactly a mistyped feature id, and offers the feature it resembles', async () => {
      const text = scenario({ timeline: [{ enableFeature: 'AsyncCustomerEditng' }] });
      const finding = await single(text, 'ACD102');
      assert.equal(coveredText(text, finding), 'AsyncCustomerEditng');
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /Did you mean 'AsyncCustomerEditing'/);
      const fixed = applyFix(text, finding.fixes[0]);
      assert.equal(only((await diagnose(fixed)).findings, 'ACD102').length, 0);
    });

    it('covers exactly a mistyped feature key in "features"', async () => {
      const text = scenario({ features: { CustomerOrderPerformance: true, AsyncCustomerAdressCreation: true } });
      const finding = await single(text, 'ACD102');
      assert.equal(coveredText(text, finding), 'AsyncCustomerAdressCreation');
      const { line, character } = finding.location.range.start;
      assert.equal(text.split('\n')[line].slice(character, character + 27), 'AsyncCustomerAdressCreation');
    });

    it('accepts the exact English feature name and the older spelling', async () => {
      const text = scenario({
        features: { 'Enable enhanced async customer creation': true, 'Performance improvements for customer orders and customer transactions': true },
      });
      const analysis = await diagnose(text);
      assert.deepEqual(analysis.findings, []);
      assert.deepEqual(
        analysis.scenario.features.map((f) => f.id),
        ['EnhancedAsyncCustomerCreation', 'CustomerOrderPerformance'],
      );
    });

    it('reports an unknown key with its range and a rename fix', async () => {
      const text = scenario({ timeline: [{ runJob: '1110', channelDatabse: 'Default' }] });
      const finding = await single(text, 'ACD101');
      assert.equal(coveredText(text, finding), 'channelDatabse');
      assert.equal(finding.fixes[0].edits[0].newText, 'channelDatabase');
    });

    it('reports an unknown job id and an unknown channel database', async () => {
      const job = await single(scenario({ timeline: [{ runJob: '1101' }] }), 'ACD102');
      assert.match(job.message, /Unknown CDX job '1101'/);
      const text = scenario({ timeline: [{ runJob: '1110', channelDatabase: 'Defualt' }] });
      const db = await single(text, 'ACD102');
      assert.equal(coveredText(text, db), 'Defualt');
      // Where data goes is not guessed: the suggestion is in the message, there is no quick fix.
      assert.match(db.message, /Did you mean 'Default'\?/);
      assert.deepEqual(db.fixes, []);
    });

    it('reports a wrong type on the value', async () => {
      const text = scenario({ channels: [{ id: 'Store42', asyncCustomerCreation: 'yes' }] });
      const finding = await single(text, 'ACD103');
      assert.equal(coveredText(text, finding), '"yes"');
      assert.match(finding.message, /must be a boolean, not string/);
    });

    it('reports a number where text is expected (a zip code) and offers to quote it; a job id may be a number', async () => {
      const text = scenario({
        timeline: [{ runJob: 1010 }, { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', address: { zip: 90326, countryRegion: 'SWE' } } }],
      });
      const findings = only((await diagnose(text)).findings, 'ACD103');
      assert.deepEqual(
        findings.map((f) => coveredText(text, f)),
        ['90326'],
      );
      assert.match(findings[0].message, /'zip' must be a string, not number/);
      assert.equal(findings[0].fixes[0].title, 'Write 90326 as a string: "90326"');
      const fixed = applyFix(text, findings[0].fixes[0]);
      assert.match(fixed, /"zip": "90326"/);
      assert.deepEqual(only((await diagnose(fixed)).findings, 'ACD103'), []);
    });

    it('reports time going backwards on the "at" value and replays the entry at the clock', async () => {
      const text = scenario({
        timeline: [{ at: '2026-11-01T10:00:00Z', advance: 'PT1M' }, { at: '2026-11-01T09:00:00Z', runJob: '1110' }],
      });
      const finding = await single(text, 'ACD104');
      assert.equal(coveredText(text, finding), '"2026-11-01T09:00:00Z"');
      const fixed = applyFix(text, finding.fixes[0]);
      assert.equal(only((await diagnose(fixed)).findings, 'ACD104').length, 0);
      assert.doesNotThrow(() => JSON.parse(fixed));
    });

    it('reports an entry without an action and an entry with two', async () => {
      const none = await single(scenario({ timeline: [{ at: '2026-11-01T09:00:00Z' }] }), 'ACD105');
      assert.match(none.message, /no action/);
      const text = scenario({ timeline: [{ runJob: '1110', advance: 'PT1M' }] });
      const two = await single(text, 'ACD101');
      assert.equal(coveredText(text, two), 'advance');
    });

    it('reports a missing required key on createCustomer', async () => {
      const finding = await single(scenario({ timeline: [{ createCustomer: { firstName: 'Ana' } }] }), 'ACD105');
      assert.match(finding.message, /'createCustomer' needs 'channel'/);
    });

    it('reports a misspelled field of an edit once, not again as "nothing to edit"', async () => {
      const text = scenario({ timeline: [{ editFailedOperation: { operation: 'ASYNC-000001', set: { countryRegon: 'SWE' } } }] });
      const { findings } = await diagnose(text);
      assert.deepEqual(
        findings.filter((f) => f.ruleId.startsWith('ACD10')).map((f) => f.ruleId),
        ['ACD101'],
      );
      assert.match(findings[0].message, /Did you mean 'countryRegion'/);
      const nothing = await single(scenario({ timeline: [{ editFailedOperation: { operation: 'ASYNC-000001', set: {} } }] }), 'ACD105');
      assert.match(nothing.message, /countryRegion/);
    });

    it('reports an unknown channel in an action', async () => {
      const text = scenario({ timeline: [{ createCustomer: { channel: 'Store24', firstName: 'Ana' } }] });
      const finding = await single(text, 'ACD102');
      assert.equal(coveredText(text, finding), 'Store24');
    });

    it('reports bad durations and instants on their value', async () => {
      const text = scenario({ timeline: [{ advance: '10 minutes' }], extra: { start: 'yesterday' } });
      const { findings } = await diagnose(text);
      assert.deepEqual(
        only(findings, 'ACD107').map((f) => coveredText(text, f)),
        ['yesterday', '10 minutes'],
      );
    });

    it('reports a JSON syntax error where it is, and still reads what it can', async () => {
      const text = '{\n  "features": { "AsyncCustomerEditing": true,, },\n  "timeline": []\n}';
      const { findings } = await diagnose(text);
      const syntax = only(findings, 'ACD100');
      assert.ok(syntax.length >= 1);
      assert.equal(syntax[0].location.range.start.line, 1);
    });

    it('reports a file that is not a scenario at all without throwing', async () => {
      for (const text of ['', '[]', '42', 'not json', '{']) {
        const { findings, scenario: parsed } = await diagnose(text);
        assert.ok(findings.length > 0, `no finding for ${JSON.stringify(text)}`);
        for (const f of findings) {
          assert.ok(f.location.offset >= 0 && f.location.offset + f.location.length <= text.length);
        }
        if (text === '' || text === '[]' || text === '42') {
          assert.equal(parsed.usable, false);
        }
      }
    });

    it('reads comments and trailing commas (JSONC)', async () => {
      const text = '// a comment\n{ "channels": [ { "id": "S", "asyncCustomerCreation": true, }, ], /* x */ "timeline": [ { "advance": "PT1M" }, ], }';
      assert.deepEqual((await diagnose(text)).findings, []);
    });
  });

  describe('replay', () => {
    it('gives byte-identical databases for the same file twice', async () => {
      const sql = await loadSql();
      for (const name of ['healthy', 'failed-operation', 'realtime-calls-continue']) {
        const parsed = parseScenario(sample(name));
        const first = replay(parsed, sql).sim;
        const second = replay(parsed, sql).sim;
        const a = first.exportAll();
        const b = second.exportAll();
        assert.deepEqual([...a.keys()], [...b.keys()]);
        for (const [db, bytes] of a) {
          assert.ok(Buffer.from(bytes).equals(Buffer.from(b.get(db)!)), `${name}: ${db} differs between replays`);
        }
        first.close();
        second.close();
      }
    });

    it('starts with every channel database holding what HQ holds', async () => {
      const sql = await loadSql();
      const parsed = parseScenario(sample('healthy'));
      const { sim } = replay({ ...parsed, timeline: [] }, sql);
      for (const db of ['Default', 'Online']) {
        assert.equal(channelSeesFeature(sim, db, 'AsyncCustomerEditing'), true);
        const runs = rawAll(sim, 'HQ', "SELECT JOBID FROM RETAILCDXJOBRUN WHERE CHANNELDATABASE = ? AND ORIGIN = 'start' ORDER BY JOBID", [db]);
        assert.deepEqual(
          runs.map((r) => r.JOBID),
          ['1010', '1070', '1110'],
        );
      }
      sim.close();
    });

    it('stops between entries when cancelled and says so', async () => {
      const sql = await loadSql();
      const parsed = parseScenario(sample('healthy'));
      let calls = 0;
      const result = replay(parsed, sql, { isCancelled: () => ++calls > 2 });
      assert.equal(result.cancelled, true);
      assert.equal(result.outcomes.size, 2);
      result.sim.close();
    });
  });
});

describe('limits', () => {
  it('gives a scenario over the size limit one clear finding and does not replay it', async () => {
    const text = scenario({ timeline: [{ advance: 'PT1M' }] });
    const { findings, sim } = await diagnose(text, { limits: { maxTextLength: 100 }, keepSimulation: true });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['ACD108'],
    );
    assert.match(findings[0].message, /more than the 100 the editor replays/);
    assert.equal(sim, undefined);
  });

  it('gives a scenario with too many entries or generated customers one finding on the timeline', async () => {
    const many = scenario({ timeline: Array.from({ length: 30 }, () => ({ advance: 'PT1M' })) });
    const entries = await diagnose(many, { limits: { maxEntries: 20 } });
    assert.deepEqual(
      entries.findings.map((f) => f.ruleId),
      ['ACD108'],
    );
    const generated = await diagnose(scenario({ timeline: [{ generateCustomers: { count: 1000 } }] }), { limits: { maxGeneratedCustomers: 999 } });
    assert.match(generated.findings[0].message, /1000 of at most 999 generated customers/);
  });
});

describe('channel databases', () => {
  it('reports a tenth channel database on its name and simulates the nine before it', async () => {
    const channels = Array.from({ length: 10 }, (_, i) => ({ id: `Store${i + 1}`, channelDatabase: `Region${i + 1}`, asyncCustomerCreation: true }));
    const text = scenario({ channels, timeline: [{ createCustomer: { channel: 'Store9', firstName: 'Ana', lastName: 'Berg' } }, { runJob: 'P-0001' }] });
    const finding = await single(text, 'ACD108');
    assert.equal(coveredText(text, finding), 'Region10');
    assert.match(finding.message, /Channel 'Store10' would add channel database 'Region10', but a scenario simulates at most 9 channel databases/);
    const { sim } = replay(parseScenario(text), await loadSql());
    try {
      assert.equal(channelDatabaseNames(sim).length, 9);
      assert.equal(rawCount(sim, 'HQ', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERV2'), 1, 'Region9 uploads to HQ like any other');
    } finally {
      sim.close();
    }
  });
});
