import { strict as assert } from 'node:assert';
import { parse as parseJsonc } from 'jsonc-parser';
import { rawAll } from '../rawTables';
import { coveredText, diagnose, fixRemovesFinding, only, scenario } from '../helpers';

const ANA = { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' };
const ASYNC_ORDERS = [{ id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: true, asyncCustomerOrders: true }];

describe('orders, sales and loyalty cards', () => {
  it('reports ACD012 for a synchronous order for a customer not synchronized yet, naming what is still to run', async () => {
    const text = scenario({ timeline: [{ createCustomer: ANA }, { createCustomerOrder: { channel: 'Store42', customer: 'Ana Berg' } }] });
    const [finding] = only((await diagnose(text)).findings, 'ACD012');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /synchronous customer order for 'Ana Berg'.*Still to run: the P-job, Synchronize customers and channel requests and job 1010\./);
    assert.match(coveredText(text, finding), /"customer": "Ana Berg"/);
    const fixed = await fixRemovesFinding(text, finding);
    assert.deepEqual(
      (parseJsonc(fixed) as { timeline: unknown[] }).timeline.slice(1, 4),
      [{ runJob: 'P-0001', channelDatabase: 'Default' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }, { runJob: '1010', channelDatabase: 'Default' }],
    );
    const asAsync = await fixRemovesFinding(text, { ...finding, fixes: [finding.fixes[1]] });
    assert.match(asAsync, /"mode": "async"/);
  });

  it('changes only the mode when the order is made asynchronous, keeping the entry\'s comments and layout', async () => {
    const text = `{
  "start": "2026-11-01T08:00:00Z",
  "features": { "CustomerOrderPerformance": true, "EnhancedAsyncCustomerCreation": true },
  "channels": [{ "id": "Store42", "channelDatabase": "Default", "asyncCustomerCreation": true }],
  "timeline": [
    { "createCustomer": { "channel": "Store42", "firstName": "Ana", "lastName": "Berg" } },
    { "createCustomerOrder": {
        "channel": "Store42", // the store from ticket 4711
        "customer": "Ana Berg",
        "mode": "sync" /* as the POS was set up */
    } }
  ]
}`;
    const [finding] = only((await diagnose(text)).findings, 'ACD012');
    const asAsync = await fixRemovesFinding(text, { ...finding, fixes: [finding.fixes[1]] });
    assert.equal(asAsync, text.replace('"mode": "sync"', '"mode": "async"'));
  });

  it('finds a generated customer by each name the README gives: email, "First Last", temporary id, account number', async () => {
    const customers = ['customer0000001@example.com', 'Customer 0000003', '6E789E6A-A1B9-45F4-86B7-000000000005', '100004'];
    const text = scenario({
      timeline: [
        { generateCustomers: { count: 6, channels: ['Store42'] } },
        { runJob: 'P-0001', channelDatabase: 'Default' },
        { runBatch: 'SynchronizeCustomersAndChannelRequests' },
        { runJob: '1010', channelDatabase: 'Default' },
        ...customers.map((customer) => ({ issueLoyaltyCard: { channel: 'Store42', customer } })),
      ],
    });
    const analysis = await diagnose(text, { keepSimulation: true });
    assert.deepEqual(only(analysis.findings, 'ACD102'), [], 'every reference resolves');
    assert.deepEqual(rawAll(analysis.sim!, 'HQ', 'SELECT CUSTACCOUNT FROM RETAILLOYALTYCARD ORDER BY CUSTACCOUNT').map((r) => r.CUSTACCOUNT), ['100001', '100003', '100004', '100005']);
    analysis.sim!.close();
  });

  it('accepts an asynchronous order; Synchronize orders creates it and the customer, which then no longer waits for the customer batch job', async () => {
    const text = scenario({
      channels: ASYNC_ORDERS,
      timeline: [{ createCustomer: ANA }, { createCustomerOrder: { channel: 'Store42', customer: 'ana@example.com' } }, { runJob: 'P-0001', channelDatabase: 'Default' }, { runBatch: 'SynchronizeOrders' }],
    });
    const analysis = await diagnose(text, { keepSimulation: true });
    try {
      assert.deepEqual(only(analysis.findings, 'ACD012'), []);
      assert.deepEqual(only(analysis.findings, 'ACD005'), [], 'the customer was created by Synchronize orders');
      assert.equal(only(analysis.findings, 'ACD007').length, 1, 'its account number still has to go back with 1010');
      const orders = rawAll(analysis.sim!, 'HQ', 'SELECT SALESID, CUSTACCOUNT, TRANSACTIONID FROM SALESTABLE', []);
      assert.deepEqual(orders, [{ SALESID: 'SO-000001', CUSTACCOUNT: '100001', TRANSACTIONID: 'TRN-000001' }]);
      const status = rawAll(analysis.sim!, 'HQ', 'SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS', []);
      assert.deepEqual(status, [{ STATUS: 'Succeeded' }]);
    } finally {
      analysis.sim?.close();
    }
  });

  it('always accepts a cash-and-carry sale, which Synchronize orders also takes', async () => {
    const text = scenario({ timeline: [{ createCustomer: ANA }, { createSale: { channel: 'Store42', customer: 'Ana Berg' } }, { runJob: 'P-0001' }, { runBatch: 'Synchronize orders' }] });
    const analysis = await diagnose(text, { keepSimulation: true });
    try {
      assert.deepEqual(analysis.findings.filter((f) => f.severity !== 'information').map((f) => f.ruleId), []);
      assert.equal(rawAll(analysis.sim!, 'HQ', 'SELECT * FROM SALESTABLE', []).length, 1);
    } finally {
      analysis.sim?.close();
    }
  });

  it('reports ACD013 for a loyalty card before the account number is on the channel, with only the steps still missing', async () => {
    const early = scenario({ timeline: [{ createCustomer: ANA }, { runJob: 'P-0001', channelDatabase: 'Default' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }, { issueLoyaltyCard: { channel: 'Store42', customer: 'Ana Berg' } }] });
    const [finding] = only((await diagnose(early)).findings, 'ACD013');
    assert.match(finding.message, /Still to run: job 1010\./);
    const fixed = await fixRemovesFinding(early, finding);
    const analysis = await diagnose(fixed, { keepSimulation: true });
    try {
      assert.deepEqual(rawAll(analysis.sim!, 'HQ', 'SELECT CARDNUMBER, CUSTACCOUNT FROM RETAILLOYALTYCARD', []), [{ CARDNUMBER: 'LC-000001', CUSTACCOUNT: '100001' }]);
    } finally {
      analysis.sim?.close();
    }
    const [first] = only((await diagnose(scenario({ timeline: [{ createCustomer: ANA }, { issueLoyaltyCard: { channel: 'Store42', customer: 'Ana Berg' } }] }))).findings, 'ACD013');
    assert.match(first.message, /Still to run: the P-job, Synchronize customers and channel requests and job 1010\./);
  });

  it('checks the new actions like the old ones', async () => {
    const text = scenario({
      timeline: [
        { createCustomerOrder: { channel: 'Store42', customer: 'Ana Berg', mode: 'later' } },
        { createSale: { channel: 'Store42' } },
        { issueLoyaltyCard: 'Ana Berg' },
        { createCustomerOrder: { channel: 'Store43', customer: 'Ana Berg' } },
        { runBatch: 'SynchronizeOrder' },
      ],
    });
    const { findings } = await diagnose(text);
    const at = (id: string) => only(findings, id).map((f) => coveredText(text, f));
    assert.deepEqual(at('ACD102'), ['later', 'Store43', 'SynchronizeOrder']);
    assert.equal(only(findings, 'ACD105').length, 1);
    assert.deepEqual(at('ACD103'), ['"Ana Berg"']);
  });
});
