// observedOperation: a line of the Customer synchronization status page as a timeline entry.
// The simulation builds the state with its own stages, and the rules treat it like the real thing.
import { strict as assert } from 'node:assert';
import { parseScenario } from '../../../src/scenario/parse';
import { replay } from '../../../src/scenario/replay';
import { coveredText, diagnose, fixRemovesFinding, loadSql, only, scenario } from '../helpers';
import { rawAll, rawOne } from '../rawTables';

const observed = (value: Record<string, unknown>, at = '2026-11-01T09:00:00Z') => ({ at, observedOperation: { channel: 'Store42', asyncCustomerAccount: 'SE42-000202', ...value } });

async function simOf(timeline: unknown[]) {
  const result = replay(parseScenario(scenario({ timeline })), await loadSql());
  return result.sim;
}

describe('observedOperation (a line of the Customer synchronization status page)', () => {
  it('failed: ACD006 names the async customer account and the last known error, and its fix resynchronizes it', async () => {
    const text = scenario({ timeline: [observed({ status: 'failed', lastKnownError: 'ZIP/postal code "9O326" does not exist.' })] });
    const { findings } = await diagnose(text);
    const [acd006] = only(findings, 'ACD006');
    assert.ok(acd006, JSON.stringify(findings.map((f) => f.ruleId)));
    assert.match(acd006.message, /SE42-000202/);
    assert.match(acd006.message, /ZIP\/postal code "9O326" does not exist\./);
    assert.match(coveredText(text, acd006), /^\{\n\s+"channel": "Store42",\n\s+"asyncCustomerAccount": "SE42-000202"/);
    await fixRemovesFinding(text, acd006);
  });

  it('failed: the async customer is on the channel with that temporary id, its record staged in HQ with ONLINEOPERATIONCOMPLETED = 0', async () => {
    const sim = await simOf([observed({ status: 'failed', lastKnownError: 'Broken.' })]);
    assert.deepEqual(rawAll(sim, 'Default', 'SELECT CUSTACCOUNTASYNC, PENDINGSYNC FROM CUSTOMER'), [{ CUSTACCOUNTASYNC: 'SE42-000202', PENDINGSYNC: 1 }]);
    assert.deepEqual(rawAll(sim, 'HQ', 'SELECT CUSTACCOUNTASYNC, ONLINEOPERATIONCOMPLETED FROM RETAILASYNCCUSTOMERV2'), [
      { CUSTACCOUNTASYNC: 'SE42-000202', ONLINEOPERATIONCOMPLETED: 0 },
    ]);
    assert.deepEqual(rawOne(sim, 'HQ', 'SELECT STATUS, FAILUREREASON FROM RETAILASYNCOPERATIONSTATUS'), { STATUS: 'Failed', FAILUREREASON: 'Broken.' });
    // Nothing waits for the P-job: the export shows the operation in HQ.
    assert.equal(rawAll(sim, 'Default', 'SELECT 1 FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0').length, 0);
  });

  it('succeeded: the customer is in the customer master with the export\'s account number, and reaches the channel only when 1010 runs', async () => {
    const timeline = [observed({ status: 'succeeded', customerAccount: '004140' })];
    const sim = await simOf(timeline);
    assert.deepEqual(rawAll(sim, 'HQ', 'SELECT ACCOUNTNUM, CUSTACCOUNTASYNC FROM CUSTTABLE'), [{ ACCOUNTNUM: '004140', CUSTACCOUNTASYNC: 'SE42-000202' }]);
    assert.equal(rawOne(sim, 'HQ', 'SELECT ONLINEOPERATIONCOMPLETED AS C FROM RETAILASYNCCUSTOMERV2')?.C, 1);
    assert.deepEqual(rawAll(sim, 'Default', 'SELECT ACCOUNTNUM, PENDINGSYNC FROM CUSTOMER'), [{ ACCOUNTNUM: 'SE42-000202', PENDINGSYNC: 1 }]);

    const text = scenario({ timeline });
    const [acd007] = only((await diagnose(text)).findings, 'ACD007');
    assert.match(acd007.message, /SE42-000202 → 004140/);
    const after = await simOf([...timeline, { runJob: '1010', channelDatabase: 'Default' }]);
    assert.deepEqual(rawAll(after, 'Default', 'SELECT ACCOUNTNUM, PENDINGSYNC FROM CUSTOMER'), [{ ACCOUNTNUM: '004140', PENDINGSYNC: 0 }]);
    assert.deepEqual(only((await diagnose(scenario({ timeline: [...timeline, { runJob: '1010', channelDatabase: 'Default' }] }))).findings, 'ACD007'), []);
  });

  it('succeeded: a customer created after it gets a later account number from the sequence, never the export\'s again', async () => {
    const sim = await simOf([
      observed({ status: 'succeeded', customerAccount: '100001' }),
      { createCustomer: { channel: 'Store42', firstName: 'Ann', lastName: 'Berg', email: 'ann@example.com' } },
      { runJob: 'P-0001', channelDatabase: 'Default' },
      { runBatch: 'SynchronizeCustomersAndChannelRequests' },
    ]);
    assert.deepEqual(rawAll(sim, 'HQ', 'SELECT ACCOUNTNUM FROM CUSTTABLE ORDER BY ACCOUNTNUM'), [{ ACCOUNTNUM: '100001' }, { ACCOUNTNUM: '100002' }]);
    assert.deepEqual(rawAll(sim, 'HQ', "SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS <> 'Succeeded'"), []);
  });

  it('succeeded with an account number another customer already has: refused (ACD106) naming the holder, and the rest replays', async () => {
    const text = scenario({
      timeline: [
        { createCustomer: { channel: 'Store42', firstName: 'Ann', lastName: 'Berg', email: 'ann@example.com' } },
        { runJob: 'P-0001', channelDatabase: 'Default' },
        { runBatch: 'SynchronizeCustomersAndChannelRequests' },
        observed({ status: 'succeeded', customerAccount: '100001' }),
        { runJob: '1010', channelDatabase: 'Default' },
      ],
    });
    const [refused] = only((await diagnose(text)).findings, 'ACD106');
    assert.match(refused.message, /^HQ already has customer account 100001 \(Ann Berg\): account numbers are unique, so SE42-000202 cannot have succeeded with it\./);
    assert.match(coveredText(text, refused), /"asyncCustomerAccount": "SE42-000202"/);
    const sim = await simOf((JSON.parse(text) as { timeline: unknown[] }).timeline);
    assert.deepEqual(rawAll(sim, 'HQ', 'SELECT ACCOUNTNUM, CUSTACCOUNTASYNC FROM CUSTTABLE'), [{ ACCOUNTNUM: '100001', CUSTACCOUNTASYNC: rawOne(sim, 'Default', 'SELECT CUSTACCOUNTASYNC FROM CUSTOMER')?.CUSTACCOUNTASYNC }]);
    assert.equal(rawOne(sim, 'Default', 'SELECT PENDINGSYNC FROM CUSTOMER')?.PENDINGSYNC, 0, 'the entries after it replay');
  });

  it('pending: ACD005 until the batch job runs; the batch job then processes it like any staged operation', async () => {
    const timeline = [observed({ status: 'pending' })];
    assert.equal(only((await diagnose(scenario({ timeline }))).findings, 'ACD005').length, 1);
    const batched = [...timeline, { runBatch: 'SynchronizeCustomersAndChannelRequests' }];
    assert.deepEqual(only((await diagnose(scenario({ timeline: batched }))).findings, 'ACD005'), []);
    const sim = await simOf(batched);
    assert.equal(rawOne(sim, 'HQ', 'SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS')?.STATUS, 'Succeeded');
  });

  it('a second line for the same async customer is a later operation of that customer', async () => {
    const sim = await simOf([
      observed({ status: 'succeeded', customerAccount: '004140' }),
      observed({ status: 'failed', operation: 'update', customerAccount: '004140', lastKnownError: 'Email not valid.' }, '2026-11-01T10:00:00Z'),
    ]);
    assert.deepEqual(rawAll(sim, 'HQ', 'SELECT OPERATIONTYPE, STATUS FROM RETAILASYNCOPERATIONSTATUS ORDER BY OPERATIONID'), [
      { OPERATIONTYPE: 'CustomerCreate', STATUS: 'Succeeded' },
      { OPERATIONTYPE: 'CustomerUpdate', STATUS: 'Failed' },
    ]);
    assert.equal(rawAll(sim, 'Default', 'SELECT 1 FROM CUSTOMER').length, 1);
  });

  it('a succeeded edit of a customer created before the evidence is succeeded, not a failure', async () => {
    const timeline = [observed({ status: 'succeeded', operation: 'update', customerAccount: '004015' })];
    const sim = await simOf(timeline);
    assert.deepEqual(rawAll(sim, 'HQ', 'SELECT OPERATIONTYPE, STATUS FROM RETAILASYNCOPERATIONSTATUS'), [{ OPERATIONTYPE: 'CustomerUpdate', STATUS: 'Succeeded' }]);
    assert.equal(rawOne(sim, 'HQ', 'SELECT ONLINEOPERATIONCOMPLETED AS C FROM RETAILASYNCCUSTOMERV2')?.C, 1);
    const { findings } = await diagnose(scenario({ timeline }));
    assert.deepEqual(findings.filter((f) => f.severity !== 'information').map((f) => f.ruleId), []);
  });

  for (const [what, value, rule, covered] of [
    ['a status that is not one of the three', { status: 'done' }, 'ACD107', 'done'],
    ['an operation that is not create or update', { status: 'failed', operation: 'delete' }, 'ACD107', 'delete'],
    ['an async account that is not a string', { status: 'failed', asyncCustomerAccount: 5 }, 'ACD103', '5'],
    ['an empty async account', { status: 'failed', asyncCustomerAccount: '  ' }, 'ACD107', '  '],
    ['an unknown channel', { status: 'failed', channel: 'Store99' }, 'ACD102', 'Store99'],
    ['an unknown key', { status: 'failed', customer: 'Ana' }, 'ACD101', 'customer'],
  ] as const) {
    it(`reports ${what} (${rule}) on exactly that value, and replays nothing of the entry`, async () => {
      const text = scenario({ timeline: [observed(value)] });
      const { findings } = await diagnose(text);
      const found = only(findings, rule);
      assert.equal(found.length, 1, JSON.stringify(findings.map((f) => `${f.ruleId} ${f.message}`)));
      assert.equal(coveredText(text, found[0]), covered);
      if (rule !== 'ACD101') {
        assert.deepEqual(only(findings, 'ACD006'), []);
      }
    });
  }

  it('reports a missing status (ACD105) at the opening of the object', async () => {
    const text = scenario({ timeline: [{ observedOperation: { channel: 'Store42', asyncCustomerAccount: 'X1' } }] });
    const [missing] = only((await diagnose(text)).findings, 'ACD105');
    assert.match(missing.message, /'status'/);
    assert.equal(coveredText(text, missing), '{');
  });
});
