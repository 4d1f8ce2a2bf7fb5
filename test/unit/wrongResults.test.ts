// The results that were wrong before messages were reviewed: each case as an administrator wrote it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { applyFix, diagnose, only, repoRoot, scenario } from './helpers';

const PREREQUISITES_ON = { CustomerOrderPerformance: true, EnhancedAsyncCustomerCreation: true, AsyncCustomerAddressCreation: true };
const ANA = { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' };
const TWO_DATABASES = [
  { id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: true },
  { id: 'WebStore', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: true },
];

function ruleIds(findings: readonly { ruleId: string }[]): string[] {
  return findings.map((f) => f.ruleId).sort();
}

describe('job ids written as numbers', () => {
  it('reads "runJob": 1110 as job 1110, so no ACD103 and no wrong ACD002/ACD003 follow', async () => {
    const text = scenario({
      features: PREREQUISITES_ON,
      channels: TWO_DATABASES,
      timeline: [{ enableFeature: 'AsyncCustomerEditing' }, { runJob: 1110 }, { runJob: 1010 }, { runJob: 1070 }, { advance: 'PT20M' }],
    });
    const numbers = (await diagnose(text)).findings;
    const strings = (await diagnose(text.replace(/"runJob": (\d+)/g, '"runJob": "$1"'))).findings;
    assert.deepEqual(ruleIds(numbers), []);
    assert.deepEqual(ruleIds(numbers), ruleIds(strings));
  });

  it('offers every job as the schema completes it, number or string, and the reader accepts each', async () => {
    interface RunJobSchema {
      properties: { timeline: { items: { anyOf: { required: string[]; properties: Record<string, { enum?: (string | number)[] }> }[] } } };
    }
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'asyncscenario.schema.json'), 'utf8')) as RunJobSchema;
    const runJob = schema.properties.timeline.items.anyOf.find((a) => a.required[0] === 'runJob')!.properties.runJob.enum!;
    assert.deepEqual(runJob.filter((v) => typeof v === 'number').sort(), [1010, 1070, 1110]);
    for (const job of runJob) {
      const findings = (await diagnose(scenario({ timeline: [{ runJob: job }] }))).findings;
      assert.deepEqual(ruleIds(findings), [], `runJob ${JSON.stringify(job)}`);
    }
  });

  it('writes the jobs of a fix as numbers when the file writes them so', async () => {
    const text = scenario({
      features: PREREQUISITES_ON,
      timeline: [{ runJob: 1010, channelDatabase: 'Default' }, { enableFeature: 'AsyncCustomerEditing' }],
    });
    const [finding] = only((await diagnose(text)).findings, 'ACD002');
    const fixed = applyFix(text, finding.fixes[0]);
    const timeline = (parseJsonc(fixed) as { timeline: { runJob?: unknown }[] }).timeline;
    assert.deepEqual(
      timeline.filter((e) => e.runJob !== undefined).map((e) => e.runJob),
      [1010, 1110, 1010, 1070],
    );
    assert.deepEqual(only((await diagnose(fixed)).findings, 'ACD002'), []);
  });
});

describe('ACD006 after Save without Synchronize', () => {
  const failedThenSaved = (extra: unknown[]) =>
    scenario({
      timeline: [
        { createCustomer: { ...ANA, customerGroup: '99' } },
        { runJob: 'P-0001' },
        { runBatch: 'SynchronizeCustomersAndChannelRequests' },
        { editFailedOperation: { operation: 'ASYNC-000001', set: { customerGroup: '30' } } },
        ...extra,
      ],
    });

  it('says the correction is saved and only Synchronize is missing, and the preferred fix is the resync', async () => {
    const text = failedThenSaved([]);
    const [finding] = only((await diagnose(text)).findings, 'ACD006');
    assert.match(finding.message, /correction of Customer group saved/);
    assert.match(finding.message, /Synchronize/);
    assert.doesNotMatch(finding.message, /'99' does not exist|Correct /);
    assert.equal(finding.fixes[0].isPreferred, true);
    assert.equal(finding.fixes[0].title, 'Synchronize ASYNC-000001 (the correction is saved)');
    const fixed = applyFix(text, finding.fixes[0]);
    const added = (parseJsonc(fixed) as { timeline: unknown[] }).timeline.slice(4);
    assert.deepEqual(added, [{ resync: 'ASYNC-000001' }]);
    assert.deepEqual(only((await diagnose(fixed)).findings, 'ACD006'), []);
  });

  it('still asks for a correction when the saved value is wrong too', async () => {
    const text = failedThenSaved([]).replace('"customerGroup": "30"', '"customerGroup": "98"');
    const [finding] = only((await diagnose(text)).findings, 'ACD006');
    assert.match(finding.message, /Correct Customer group/);
  });
});

describe('ACD002 after a change away from async mode', () => {
  it('after a disable, says which feature changed and that the channel keeps working asynchronously', async () => {
    const text = scenario({
      timeline: [{ runJob: '1110' }, { disableFeature: 'AsyncCustomerEditing' }],
    });
    const [finding] = only((await diagnose(text)).findings, 'ACD002');
    assert.match(finding.message, /'Enable editing customers in asynchronous mode' was disabled/);
    assert.match(finding.message, /keep working asynchronously from the old metadata/);
    assert.doesNotMatch(finding.message, /real-time calls/);
  });

  it('after Create customer in async mode was set to No, names the setting, old and new value and what the channel still does', async () => {
    const text = scenario({
      timeline: [{ runJob: '1110' }, { updateChannel: { channel: 'Store42', asyncCustomerCreation: false } }],
    });
    const [finding] = only((await diagnose(text)).findings, 'ACD002');
    assert.match(finding.message, /Create customer in async mode of Store42 was changed from Yes to No/);
    assert.match(finding.message, /Store42 keeps creating customers asynchronously from its old metadata/);
    assert.doesNotMatch(finding.message, /real-time calls/);
  });
});

describe('channels beyond the channel database limit (ACD108)', () => {
  const channels = Array.from({ length: 10 }, (_, i) => ({ id: `S${i + 1}`, channelDatabase: `DB${i + 1}`, asyncCustomerCreation: true }));

  it('reports the left-out channel once, with no follow-on finding for what refers to it', async () => {
    const text = scenario({
      channels,
      timeline: [{ createCustomer: { ...ANA, channel: 'S10' } }, { runJob: 'P-0001', channelDatabase: 'DB10' }, { generateCustomers: { count: 3, channels: ['S10'] } }],
    });
    const findings = (await diagnose(text)).findings;
    assert.deepEqual(ruleIds(findings), ['ACD108']);
  });

  it('suggests a channel in the message but offers no quick fix that moves data to another channel', async () => {
    const text = scenario({ timeline: [{ createCustomer: { ...ANA, channel: 'Store4' } }, { runJob: 'P-0001', channelDatabase: 'Defaul' }] });
    const unknown = only((await diagnose(text)).findings, 'ACD102');
    assert.equal(unknown.length, 2);
    assert.match(unknown[0].message, /Did you mean 'Store42'\?/);
    assert.match(unknown[1].message, /Did you mean 'Default'\?/);
    assert.deepEqual(
      unknown.flatMap((f) => f.fixes),
      [],
    );
  });

  it('still fixes a misspelt feature or job, which moves no data', async () => {
    const text = scenario({ timeline: [{ enableFeature: 'AsyncCustomerEditin' }] });
    const [finding] = only((await diagnose(text)).findings, 'ACD102');
    assert.equal(finding.fixes[0]?.isPreferred, true);
  });
});

describe('ACD106: a POS refused to create a customer offline', () => {
  it('gives the remedy in HQ: the Commerce channel schema page, the filter and job 1010', async () => {
    const text = scenario({
      channels: [{ id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: true, filterSharedCustomerDataTables: true }],
      timeline: [{ createCustomer: { ...ANA, offline: true } }],
    });
    const [finding] = only((await diagnose(text)).findings, 'ACD106');
    assert.ok(finding.remedy, 'ACD106 has no remedy');
    assert.equal(finding.remedy.menuPath, 'Retail and Commerce > Headquarters setup > Commerce scheduler > Commerce channel schema');
    assert.match(finding.remedy.text, /Filter shared customer data tables to No/);
    assert.match(finding.remedy.text, /Exclude from offline databases on job 1010 \(Customers\)/);
  });
});

describe('a JSON file that is not a scenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acd-not-a-scenario-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const text = JSON.stringify({ name: 'my-app', version: '1.0.0', dependencies: { a: '1' }, scripts: { b: 'c' } }, null, 2);

  it('gets one finding that says so, not one per key', async () => {
    const analysis = await diagnose(text);
    assert.equal(analysis.scenario.usable, false);
    assert.deepEqual(
      analysis.findings.map((f) => f.message),
      ['Not a scenario: expected at least one of "features", "channels", "timeline". Nothing was simulated.'],
    );
  });

  it('makes the command line exit 2 with one clear message', () => {
    const file = join(dir, 'package.asyncscenario.json');
    writeFileSync(file, text);
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'diagnose', file], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    assert.equal(result.status, 2);
    assert.equal(result.stderr.trim(), `${file}:1:1: Not a scenario: expected at least one of "features", "channels", "timeline". Nothing was simulated.`);
    assert.equal(result.stdout.trim(), '');
  });
});
