import { strict as assert } from 'node:assert';
import { parse as parseJsonc } from 'jsonc-parser';
import type { Finding } from '../../src/domain/finding';
import { applyFix, coveredText, diagnose, errors, only, sample, scenario } from './helpers';

/** The scenario JSON a fix produced, as far as these tests read it. */
function parse(text: string): { timeline: Record<string, unknown>[]; features: Record<string, unknown> } {
  return parseJsonc(text) as { timeline: Record<string, unknown>[]; features: Record<string, unknown> };
}

const SAMPLES = [
  'healthy',
  'cannot-enable-editing',
  'realtime-calls-continue',
  'csu-cache-not-expired',
  'customers-stuck-in-channel',
  'customers-stuck-in-staging',
  'failed-operation',
  'store-not-in-async-mode',
  'feature-needs-newer-version',
  'pipeline-job-not-scheduled',
  'failed-upload-session',
  'order-for-new-customer',
  'loyalty-card-too-early',
];

const PREREQUISITES_ON = { CustomerOrderPerformance: true, EnhancedAsyncCustomerCreation: true, AsyncCustomerAddressCreation: true };
const ANA = { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' };
const TWO_DATABASES = [
  { id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: true },
  { id: 'WebStore', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: true },
];

async function rule(text: string, ruleId: string): Promise<Finding[]> {
  return only((await diagnose(text)).findings, ruleId);
}

/** Applies the rule's first fix and checks the finding is gone and no new error came. */
async function assertFixWorks(text: string, finding: Finding): Promise<string> {
  assert.ok(finding.fixes.length > 0, `${finding.ruleId} has no fix`);
  const before = (await diagnose(text)).findings;
  const fixed = applyFix(text, finding.fixes[0]);
  const after = (await diagnose(fixed)).findings;
  assert.ok(
    only(after, finding.ruleId).length <= only(before, finding.ruleId).length - 1,
    `${finding.ruleId} still there after "${finding.fixes[0].title}":\n${fixed}\n${JSON.stringify(after.map((f) => f.message), null, 1)}`,
  );
  const newErrors = errors(after).filter((e) => !errors(before).some((b) => b.ruleId === e.ruleId && b.message === e.message));
  assert.deepEqual(
    newErrors.map((e) => `${e.ruleId}: ${e.message}`),
    [],
    `"${finding.fixes[0].title}" created new errors`,
  );
  return fixed;
}

describe('diagnosis rules', () => {
  it('finds exactly what each sample promises', async () => {
    const expected: Record<string, string[]> = {
      healthy: [],
      'cannot-enable-editing': ['ACD001'],
      'realtime-calls-continue': ['ACD002'],
      'csu-cache-not-expired': ['ACD003'],
      'customers-stuck-in-channel': ['ACD004'],
      'customers-stuck-in-staging': ['ACD005'],
      'failed-operation': ['ACD006'],
      'store-not-in-async-mode': ['ACD008'],
      'feature-needs-newer-version': ['ACD009'],
      'pipeline-job-not-scheduled': ['ACD010', 'ACD005'],
      'failed-upload-session': ['ACD004', 'ACD011'],
      'order-for-new-customer': ['ACD012'],
      'loyalty-card-too-early': ['ACD007', 'ACD013'],
    };
    for (const name of SAMPLES) {
      const { findings } = await diagnose(sample(name));
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        expected[name],
        `${name}: ${findings.map((f) => f.message).join('\n')}`,
      );
    }
  });

  it('makes every fix of every sample remove its finding without creating new errors', async () => {
    for (const name of SAMPLES) {
      const text = sample(name);
      for (const finding of (await diagnose(text)).findings) {
        await assertFixWorks(text, finding);
      }
    }
  });

  describe('ACD001 prerequisite feature off', () => {
    it('reports the enableFeature entry and names the missing prerequisite', async () => {
      const text = sample('cannot-enable-editing');
      const [finding] = await rule(text, 'ACD001');
      assert.equal(coveredText(text, finding), '"AsyncCustomerEditing"');
      assert.match(finding.message, /Enable asynchronous creation for customer addresses/);
      assert.equal(finding.remedy?.menuPath, 'Workspaces > Feature management');
      assert.deepEqual(
        finding.evidence.map((e) => [e.table, e.key, e.columns.ENABLED]),
        [['FEATUREMANAGEMENTSTATE', 'AsyncCustomerAddressCreation', 0]],
      );
      assert.match(finding.question!, /Why can't I enable/);
    });

    it('inserts the missing enables in prerequisite order before the entry', async () => {
      const text = scenario({ features: {}, timeline: [{ at: '2026-11-01T09:00:00Z', enableFeature: 'AsyncCustomerEditing' }] });
      const [finding] = await rule(text, 'ACD001');
      const fixed = await assertFixWorks(text, finding);
      const timeline = parse(fixed).timeline as Record<string, string>[];
      assert.deepEqual(
        timeline.map((e) => e.enableFeature),
        // The performance feature is mandatory from 10.0.28, so always on where editing (10.0.29) exists.
        ['EnhancedAsyncCustomerCreation', 'AsyncCustomerAddressCreation', 'AsyncCustomerEditing'],
      );
    });

    it('reports the feature entry when "features" turns editing on without a prerequisite, and fixes it there', async () => {
      const text = scenario({ features: { CustomerOrderPerformance: true, AsyncCustomerEditing: true } });
      const [finding] = await rule(text, 'ACD001');
      assert.equal(coveredText(text, finding), '"AsyncCustomerEditing": true');
      const fixed = await assertFixWorks(text, finding);
      assert.deepEqual(parse(fixed).features, {
        CustomerOrderPerformance: true,
        AsyncCustomerEditing: true,
        EnhancedAsyncCustomerCreation: true,
        AsyncCustomerAddressCreation: true,
      });
    });

    it('stays silent when the prerequisites were enabled earlier in the timeline', async () => {
      const text = scenario({
        features: {},
        timeline: [
          { enableFeature: 'CustomerOrderPerformance' },
          { enableFeature: 'Enable enhanced async customer creation' },
          { enableFeature: 'AsyncCustomerAddressCreation' },
          { enableFeature: 'AsyncCustomerEditing' },
          { runJob: '1110' },
          { runJob: '1010' },
          { runJob: '1070' },
          { advance: 'PT1H' },
        ],
      });
      assert.deepEqual((await diagnose(text)).findings, []);
    });
  });

  describe('ACD002 channel metadata stale', () => {
    it('names the change, the jobs not run and the real-time calls, on the change entry', async () => {
      const text = sample('realtime-calls-continue');
      const [finding] = await rule(text, 'ACD002');
      assert.equal(coveredText(text, finding), '"AsyncCustomerEditing"');
      assert.match(finding.message, /Channel database Default still works from old metadata/);
      assert.match(finding.message, /jobs 1110, 1010 and 1070 have not run for Default/);
      assert.match(finding.message, /1 real-time call/);
      const tables = finding.evidence.map((e) => e.table);
      assert.ok(tables.includes('RETAILCHANGELOG'));
      assert.ok(tables.includes('RETAILTRANSACTIONSERVICECALL'));
    });

    it('stays silent for the channel database whose jobs ran (another channel database only is a near miss)', async () => {
      const findings = await rule(sample('realtime-calls-continue'), 'ACD002');
      assert.equal(findings.length, 1);
      assert.doesNotMatch(findings[0].message, /Online/);
    });

    it('inserts only the jobs that have not run, right after the change, for that channel database', async () => {
      const text = scenario({
        features: PREREQUISITES_ON,
        timeline: [{ enableFeature: 'AsyncCustomerEditing' }, { runJob: '1010', channelDatabase: 'Default' }, { advance: 'PT1H' }],
      });
      const [finding] = await rule(text, 'ACD002');
      assert.match(finding.message, /jobs 1110 and 1070 have not run/);
      const fixed = await assertFixWorks(text, finding);
      assert.deepEqual(parse(fixed).timeline.slice(0, 3), [
        { enableFeature: 'AsyncCustomerEditing' },
        { runJob: '1110', channelDatabase: 'Default' },
        { runJob: '1070', channelDatabase: 'Default' },
      ]);
    });

    it('reports a channel setting changed in HQ until job 1070 runs', async () => {
      const text = scenario({ timeline: [{ updateChannel: { channel: 'Store42', asyncCustomerCreation: false } }] });
      const [finding] = await rule(text, 'ACD002');
      assert.match(finding.message, /Create customer in async mode of Store42 was changed from Yes to No/);
    });

    it('keeps the channel on its old metadata, as it says, while only job 1110 has run', async () => {
      const text = scenario({
        features: PREREQUISITES_ON,
        timeline: [
          { createCustomer: ANA },
          { runJob: 'P-0001' },
          { runBatch: 'SynchronizeCustomersAndChannelRequests' },
          { runJob: '1010' },
          { enableFeature: 'AsyncCustomerEditing' },
          { runJob: '1110' },
          { advance: 'PT1H' },
          { editCustomer: { channel: 'Store42', customer: 'Ana Berg', phone: '555' } },
        ],
      });
      const { findings } = await diagnose(text);
      const [stale] = only(findings, 'ACD002');
      assert.match(stale.message, /jobs 1010 and 1070 have not run for Default/);
      assert.match(stale.message, /made 1 real-time call/, 'the edit went to HQ by a real-time call');
      assert.deepEqual(only(findings, 'ACD004'), [], 'no asynchronous edit waits in the channel database');
      await assertFixWorks(text, stale);
    });

    it('reports a channel setting change until jobs 1110, 1010 and 1070 have all run, 1070 alone is not enough', async () => {
      const text = scenario({ timeline: [{ updateChannel: { channel: 'Store42', asyncCustomerCreation: false } }, { runJob: '1070' }] });
      const [finding] = await rule(text, 'ACD002');
      assert.match(finding.message, /jobs 1110 and 1010 have not run/);
    });

    it('stays silent when a change was undone before any job ran', async () => {
      const text = scenario({
        features: PREREQUISITES_ON,
        timeline: [{ enableFeature: 'AsyncCustomerEditing' }, { advance: 'PT5M' }, { disableFeature: 'AsyncCustomerEditing' }],
      });
      assert.deepEqual((await diagnose(text)).findings.map((f) => f.ruleId), []);
    });

    it('stays silent when every job ran after the change', async () => {
      const text = scenario({
        features: PREREQUISITES_ON,
        timeline: [{ enableFeature: 'AsyncCustomerEditing' }, { runJob: '1110' }, { runJob: '1010' }, { runJob: '1070' }, { advance: 'PT1H' }],
      });
      assert.equal((await rule(text, 'ACD002')).length, 0);
    });

    it('fires again when the jobs ran before the change, not after', async () => {
      const text = scenario({
        features: PREREQUISITES_ON,
        timeline: [{ runJob: '1110' }, { runJob: '1010' }, { runJob: '1070' }, { enableFeature: 'AsyncCustomerEditing' }],
      });
      assert.equal((await rule(text, 'ACD002')).length, 1);
    });
  });

  describe('ACD003 CSU cache not expired', () => {
    it('says until when the cache serves the old value, and the fix advances the clock past it', async () => {
      const text = sample('csu-cache-not-expired');
      const [finding] = await rule(text, 'ACD003');
      assert.equal(finding.severity, 'information');
      assert.match(finding.message, /until 2026-11-01 09:15 \(cache PT15M\)/);
      assert.deepEqual(
        finding.evidence.map((e) => [e.database, e.table, e.key]),
        [['Default', 'CHANNELFEATURE', 'AsyncCustomerEditing']],
      );
      assert.equal(coveredText(text, finding), '"1110"');
      const fixed = await assertFixWorks(text, finding);
      assert.deepEqual(parse(fixed).timeline.at(-1), { advance: 'PT10M' });
    });

    it('is not reported while the jobs themselves have not run (that is ACD002)', async () => {
      const findings = (await diagnose(sample('realtime-calls-continue'))).findings;
      assert.equal(only(findings, 'ACD003').length, 0);
    });
  });

  describe('ACD004 records awaiting upload', () => {
    it('counts the customers, names them with their temporary ids, and says since when', async () => {
      const text = sample('customers-stuck-in-channel');
      const [finding] = await rule(text, 'ACD004');
      assert.match(finding.message, /^3 customers created at Store42 are still in channel database Default/);
      assert.match(finding.message, /Ana Berg \([0-9A-F-]{36}\)/);
      assert.match(finding.message, /the P-job has never run for channel database Default, so HQ has not received them/);
      assert.match(coveredText(text, finding), /^\{ "channel": "Store42", "firstName": "Ana"/);
      assert.equal(finding.evidence.filter((e) => e.table === 'RETAILASYNCCUSTOMERV2').length, 3);
      assert.ok(finding.evidence.every((e) => e.database === 'Default' && e.columns.UPLOADED === 0));
      assert.equal(finding.evidence[0].location?.range.start.line, finding.location.range.start.line);
    });

    it('does not also blame the batch job for records the P-job has not uploaded', async () => {
      const findings = (await diagnose(sample('customers-stuck-in-channel'))).findings;
      assert.equal(only(findings, 'ACD005').length, 0);
    });

    it('stays silent when the P-job ran for that channel database after the records were written', async () => {
      const text = scenario({ timeline: [{ createCustomer: ANA }, { runJob: 'P-0001', channelDatabase: 'Default' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }, { runJob: '1010' }] });
      assert.deepEqual((await diagnose(text)).findings, []);
    });

    it('fires when the P-job ran only for another channel database', async () => {
      const text = scenario({ channels: TWO_DATABASES, timeline: [{ createCustomer: ANA }, { runJob: 'P-0001', channelDatabase: 'Online' }] });
      const [finding] = await rule(text, 'ACD004');
      assert.match(finding.message, /channel database Default/);
    });

    it('fires when the P-job ran before the customer was created', async () => {
      const text = scenario({ timeline: [{ runJob: 'P-0001' }, { advance: 'PT5M' }, { createCustomer: ANA }] });
      assert.equal((await rule(text, 'ACD004')).length, 1);
    });

    it('counts asynchronous edits and addresses too', async () => {
      const text = scenario({
        timeline: [
          { createCustomer: ANA },
          { editCustomer: { channel: 'Store42', customer: 'ana@example.com', phone: '1' } },
          { createAddress: { channel: 'Store42', customer: 'Ana Berg', countryRegion: 'SWE', city: 'Umeå' } },
        ],
      });
      const [finding] = await rule(text, 'ACD004');
      assert.match(finding.message, /1 customer created, 1 customer edit and 1 new address at Store42 are still/);
    });
  });

  describe('ACD005 records awaiting the batch job', () => {
    it('counts staged rows with OnlineOperationCompleted = 0 and says the batch job never ran', async () => {
      const text = sample('customers-stuck-in-staging');
      const [finding] = await rule(text, 'ACD005');
      assert.match(finding.message, /2 customer operations from WebStore/);
      assert.match(finding.message, /OnlineOperationCompleted = 0 \(2 rows in RETAILASYNCCUSTOMERV2 and 1 row in RETAILASYNCADDRESSV2\)/);
      assert.match(finding.message, /Synchronize customers and channel requests has never run \(they were uploaded at 2026-11-01 10:30\)/);
      assert.ok(finding.evidence.some((e) => e.database === 'HQ' && e.table === 'RETAILASYNCCUSTOMERV2' && e.columns.ONLINEOPERATIONCOMPLETED === 0));
      assert.equal(finding.remedy?.menuPath, 'System administration > Inquiries > Batch jobs');
    });

    it('fires when the batch job ran before the P-job uploaded the records (a near miss)', async () => {
      const text = scenario({
        timeline: [{ createCustomer: ANA }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }, { runJob: 'P-0001' }],
      });
      const [finding] = await rule(text, 'ACD005');
      assert.match(finding.message, /its last run, at 2026-11-01 08:00, came before the upload/);
      await assertFixWorks(text, finding);
    });
  });

  describe('ACD006 operation failed', () => {
    it('says in the fix title that an invalid email is cleared, not corrected', async () => {
      const text = scenario({ timeline: [{ createCustomer: { ...ANA, email: 'ana@example' } }, { runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }] });
      const [finding] = await rule(text, 'ACD006');
      assert.equal(finding.fixes[0].title, 'Edit ASYNC-000001 (Email cleared) and Synchronize');
      await assertFixWorks(text, finding);
    });

    it('names the operation, the customer, the reason, the field and the page', async () => {
      const text = sample('failed-operation');
      const [finding] = await rule(text, 'ACD006');
      assert.match(finding.message, /^Operation ASYNC-000001 \(create customer for Ana Berg, temporary id [0-9A-F-]{36}, from Store42\) failed in HQ/);
      assert.match(finding.message, /The country\/region 'SVE' does not exist/);
      assert.match(finding.message, /Correct Country\/region/);
      assert.equal(finding.remedy?.menuPath, 'Retail and Commerce > Customers > Customer synchronization status');
      assert.equal(finding.evidence[0].table, 'RETAILASYNCOPERATIONSTATUS');
      assert.equal(finding.evidence[0].columns.STATUS, 'Failed');
    });

    it('takes a one-letter typo of a country code as meant (SVE → SWE), edits it and synchronizes', async () => {
      const text = sample('failed-operation');
      const [finding] = await rule(text, 'ACD006');
      assert.equal(finding.fixes[0].title, "Edit ASYNC-000001 (Country/region 'SWE') and Synchronize");
      assert.equal(finding.fixes[0].isPreferred, true);
      const fixed = await assertFixWorks(text, finding);
      assert.deepEqual(parse(fixed).timeline.slice(-2), [
        { editFailedOperation: { operation: 'ASYNC-000001', set: { countryRegion: 'SWE' } } },
        { resync: 'ASYNC-000001' },
      ]);
    });

    it('fixes an edit that failed because the creation failed: the creation first, then the edit', async () => {
      const text = scenario({
        timeline: [
          { createCustomer: { ...ANA, email: 'ana-at-example' } },
          { editCustomer: { channel: 'Store42', customer: 'Ana Berg', phone: '1' } },
          { runJob: 'P-0001' },
          { runBatch: 'SynchronizeCustomersAndChannelRequests' },
          { runJob: '1010' },
        ],
      });
      const findings = await rule(text, 'ACD006');
      assert.equal(findings.length, 2);
      const dependent = findings.find((f) => f.message.includes('ASYNC-000002'))!;
      assert.match(dependent.message, /because the customer's creation, operation ASYNC-000001, failed/);
      await assertFixWorks(text, dependent);
    });

    it('says so when an operation still fails after it was edited', async () => {
      const text = scenario({
        timeline: [
          { createCustomer: { ...ANA, address: { countryRegion: 'XX' } } },
          { runJob: 'P-0001' },
          { runBatch: 'SynchronizeCustomersAndChannelRequests' },
          { editFailedOperation: { operation: 'ASYNC-000001', set: { countryRegion: 'YY' } } },
          { resync: 'ASYNC-000001' },
        ],
      });
      const [finding] = await rule(text, 'ACD006');
      assert.match(finding.message, /still fails after it was edited/);
    });

    it('accepts a customer reference in place of the operation id', async () => {
      const text = scenario({
        timeline: [
          { createCustomer: { ...ANA, address: { countryRegion: 'XX' } } },
          { runJob: 'P-0001' },
          { runBatch: 'SynchronizeCustomersAndChannelRequests' },
          { editFailedOperation: { operation: 'ana@example.com', countryRegion: 'SWE' } },
          { resync: 'Ana Berg' },
          { runJob: '1010' },
        ],
      });
      assert.deepEqual((await diagnose(text)).findings, []);
    });
  });

  describe('ACD007 account numbers not downloaded', () => {
    it('reports customers synchronized in HQ but still Pending sync on the channel, fixed by job 1010', async () => {
      const text = scenario({ timeline: [{ createCustomer: ANA }, { runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }] });
      const [finding] = await rule(text, 'ACD007');
      assert.match(finding.message, /Ana Berg → 100001/);
      assert.match(finding.message, /Loyalty cards cannot be issued/);
      await assertFixWorks(text, finding);
    });

    it('names the first customers in the order the batch job created them, whatever channel of the database they came from', async () => {
      const channels = [
        { id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: true },
        { id: 'Store43', channelDatabase: 'Default', asyncCustomerCreation: true },
      ];
      const text = scenario({ channels, timeline: [{ generateCustomers: { count: 6 } }, { runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }] });
      const [finding] = await rule(text, 'ACD007');
      assert.match(finding.message, /^6 customers got their account numbers in HQ \(Customer 0000001 → 100001, Customer 0000002 → 100002 and Customer 0000003 → 100003\)/);
    });
  });

  describe('refused actions and unresolved references', () => {
    it('reports an unknown customer as an error on the action', async () => {
      const text = scenario({ timeline: [{ editCustomer: { channel: 'Store42', customer: 'nobody@example.com', phone: '1' } }] });
      const [finding] = (await diagnose(text)).findings;
      assert.equal(finding.ruleId, 'ACD102');
      assert.match(finding.message, /does not know the customer 'nobody@example.com'/);
    });

    it('warns when a reference fits several customers, and names the one it used', async () => {
      const twoAnas = [{ createCustomer: ANA }, { createCustomer: { ...ANA, email: 'ana.b@example.com' } }];
      const text = scenario({ timeline: [...twoAnas, { editCustomer: { channel: 'Store42', customer: 'Ana Berg', phone: '1' } }] });
      const [finding] = (await diagnose(text)).findings.filter((f) => f.ruleId === 'ACD109');
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /^'Ana Berg' refers to more than one customer in this scenario; the latest one \(6E789E6A-A1B9-45F4-86B7-000000000002\) was used/);
      assert.match(coveredText(text, finding), /"customer": "Ana Berg"/);
      const byEmail = scenario({ timeline: [...twoAnas, { editCustomer: { channel: 'Store42', customer: 'ana@example.com', phone: '1' } }] });
      assert.deepEqual(only((await diagnose(byEmail)).findings, 'ACD109'), []);
    });

    it('reports a refused disable with the reason HQ gives', async () => {
      const text = scenario({ timeline: [{ disableFeature: 'AsyncCustomerAddressCreation' }] });
      const [finding] = await rule(text, 'ACD106');
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /Enable editing customers in asynchronous mode depends on it/);
      assert.equal(finding.fixes[0].title, "Disable 'Enable editing customers in asynchronous mode' first");
      const fixed = await assertFixWorks(text, finding);
      assert.deepEqual(parse(fixed).timeline, [{ disableFeature: 'AsyncCustomerEditing' }, { disableFeature: 'AsyncCustomerAddressCreation' }]);
    });
  });

  describe('ACD008 channel not in async mode', () => {
    const SYNC_STORE = [{ id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: false }];

    it('explains real-time calls after the editing feature was enabled by the channel profile, on the channel', async () => {
      const text = scenario({ channels: SYNC_STORE, timeline: [{ createCustomer: ANA }, { editCustomer: { channel: 'Store42', customer: 'Ana Berg', phone: '555' } }] });
      const [finding] = await rule(text, 'ACD008');
      assert.equal(finding.severity, 'information');
      assert.match(finding.message, /^Store42 made 2 real-time calls to HQ for customer operations since 'Enable editing customers in asynchronous mode' was enabled: its functionality profile has Create customer in async mode = No/);
      assert.match(coveredText(text, finding), /^\{[^]*"id": "Store42"[^]*\}$/);
      assert.deepEqual(
        finding.evidence.map((e) => e.table),
        ['RETAILCHANNELTABLE', 'FEATUREMANAGEMENTSTATE', 'RETAILTRANSACTIONSERVICECALL', 'RETAILTRANSACTIONSERVICECALL'],
      );
      assert.equal(finding.remedy?.menuPath, 'Retail and Commerce > Channel setup > Online store setup > Functionality profiles');
      const fixed = await assertFixWorks(text, finding);
      assert.deepEqual(parse(fixed).timeline.slice(-4), [
        { updateChannel: { channel: 'Store42', asyncCustomerCreation: true } },
        { runJob: '1110', channelDatabase: 'Default' },
        { runJob: '1010', channelDatabase: 'Default' },
        { runJob: '1070', channelDatabase: 'Default' },
      ]);
    });

    it('points at the updateChannel entry that turned async mode off', async () => {
      const text = scenario({ timeline: [{ updateChannel: { channel: 'Store42', asyncCustomerCreation: false } }, { runJob: '1110' }, { runJob: '1010' }, { runJob: '1070' }, { advance: 'PT1H' }, { createCustomer: ANA }] });
      const [finding] = await rule(text, 'ACD008');
      assert.match(coveredText(text, finding), /^\{[^]*"asyncCustomerCreation": false[^]*\}$/);
    });

    it('stays silent without real-time calls, with async mode on, or with the editing feature off', async () => {
      assert.deepEqual(await rule(scenario({ channels: SYNC_STORE }), 'ACD008'), []);
      assert.deepEqual(await rule(scenario({ timeline: [{ createCustomer: ANA }] }), 'ACD008'), []);
      assert.deepEqual(await rule(scenario({ features: PREREQUISITES_ON, channels: SYNC_STORE, timeline: [{ createCustomer: ANA }] }), 'ACD008'), []);
    });
  });

  describe('real-time calls HQ rejects', () => {
    it('reports ACD106 with HQ\'s reason on the createCustomer entry when a real-time call is rejected', async () => {
      const text = scenario({
        channels: [{ id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: false }],
        timeline: [{ createCustomer: { ...ANA, email: 'ana.example.com' } }],
      });
      const [finding] = await rule(text, 'ACD106');
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /HQ rejected the real-time call CreateCustomer from Store42 for 'Ana Berg': The email address 'ana.example.com' is not valid\./);
      assert.match(coveredText(text, finding), /^\{[^]*"email": "ana.example.com"[^]*\}$/, 'the range is the rejected createCustomer');
      assert.deepEqual(only((await diagnose(text)).findings, 'ACD006'), [], 'nothing reached HQ, so no operation failed');
    });
  });

  describe('the troubleshooting walk', () => {
    it('lists the four FAQ questions with each cause passed, failed or not applicable', async () => {
      const { walk } = await diagnose(sample('customers-stuck-in-channel'));
      assert.equal(walk.length, 5);
      const hq = walk.find((q) => q.id === 'customersMissingInHq')!;
      assert.deepEqual(
        hq.causes.map((c) => [c.ruleId, c.outcome]),
        [
          ['ACD004', 'failed'],
          ['ACD005', 'notApplicable'],
          ['ACD007', 'notApplicable'],
          ['ACD011', 'notApplicable'],
          ['ACD010', 'notApplicable'],
        ],
      );
      assert.deepEqual(hq.causes[0].findings, [0]);
      const healthy = (await diagnose(sample('healthy'))).walk;
      assert.ok(healthy.flatMap((q) => q.causes).every((c) => c.outcome !== 'failed'));
      assert.equal(healthy.find((q) => q.id === 'customersMissingInHq')!.causes[0].outcome, 'passed');
    });
  });

  describe('Swedish', () => {
    it('speaks Swedish when the locale is Swedish, from the same rules', async () => {
      const { findings, walk } = await diagnose(sample('customers-stuck-in-channel'), { locale: 'sv' });
      assert.match(findings[0].message, /^3 kunder skapade i Store42 finns fortfarande i kanaldatabasen Default/);
      assert.match(findings[0].fixes[0].title, /Kör CDX P-jobbet för Default/);
      assert.match(walk[0].question, /^Varför kan jag inte aktivera/);
    });
  });
});
