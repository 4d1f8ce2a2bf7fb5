import { strict as assert } from 'node:assert';
import { parse as parseJsonc } from 'jsonc-parser';
import { featureStates } from '../../../src/sim/queries';
import { coveredText, diagnose, fixRemovesFinding, only, scenario } from '../helpers';

const ANA = { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com', address: { countryRegion: 'XXX' } };

describe('Commerce versions (ACD009)', () => {
  it('reports a feature enabled at the start that is newer than commerceVersion, naming both versions, and keeps it off', async () => {
    const text = scenario({ features: { AsyncCustomerAddressCreation: true, AsyncCustomerEditing: true }, extra: { commerceVersion: '10.0.25' } });
    const analysis = await diagnose(text, { keepSimulation: true });
    try {
      const [finding] = only(analysis.findings, 'ACD009');
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /'Enable editing customers in asynchronous mode' needs Commerce version 10\.0\.29 or later; HQ is on 10\.0\.25/);
      assert.equal(coveredText(text, finding), '"AsyncCustomerEditing": true');
      assert.equal(featureStates(analysis.sim!).find((f) => f.id === 'AsyncCustomerEditing')?.enabled, false);
      assert.equal(featureStates(analysis.sim!).find((f) => f.id === 'AsyncCustomerAddressCreation')?.enabled, true);
    } finally {
      analysis.sim?.close();
    }
  });

  it('reports an enable in the timeline the version does not have, and fixes it by updating the version', async () => {
    const text = scenario({ features: {}, extra: { commerceVersion: '10.0.21' }, timeline: [{ enableFeature: 'AsyncCustomerAddressCreation' }] });
    const [finding] = only((await diagnose(text)).findings, 'ACD009');
    assert.equal(coveredText(text, finding), '"AsyncCustomerAddressCreation"');
    assert.equal(finding.fixes[0].title, 'Set commerceVersion to 10.0.22');
    const fixed = await fixRemovesFinding(text, finding);
    assert.equal((parseJsonc(fixed) as { commerceVersion: string }).commerceVersion, '10.0.22');
  });

  it('keeps the performance feature on from 10.0.28: false at the start and a disable are refused (ACD106)', async () => {
    const text = scenario({ features: { CustomerOrderPerformance: false }, extra: { commerceVersion: '10.0.28' }, timeline: [{ disableFeature: 'CustomerOrderPerformance' }] });
    const analysis = await diagnose(text, { keepSimulation: true });
    try {
      const refused = only(analysis.findings, 'ACD106');
      assert.equal(refused.length, 2);
      assert.match(refused[0].message, /mandatory from Commerce version 10\.0\.28/);
      assert.equal(coveredText(text, refused[0]), '"CustomerOrderPerformance": false');
      assert.equal(featureStates(analysis.sim!).find((f) => f.id === 'CustomerOrderPerformance')?.enabled, true);
    } finally {
      analysis.sim?.close();
    }
    const before = scenario({ features: { CustomerOrderPerformance: false }, extra: { commerceVersion: '10.0.27' }, timeline: [{ enableFeature: 'CustomerOrderPerformance' }, { disableFeature: 'CustomerOrderPerformance' }] });
    assert.deepEqual(only((await diagnose(before)).findings, 'ACD106'), [], 'before 10.0.28 it is an ordinary feature');
  });

  it('refuses the Customer synchronization status page before 10.0.31, naming 10.0.31', async () => {
    const timeline = [{ createCustomer: ANA }, { runJob: 'P-0001', channelDatabase: 'Default' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }, { editFailedOperation: { operation: 'ASYNC-000001', countryRegion: 'SWE' } }, { resync: 'ASYNC-000001' }];
    const old = only((await diagnose(scenario({ extra: { commerceVersion: '10.0.30' }, timeline }))).findings, 'ACD106');
    assert.equal(old.length, 2);
    assert.match(old[0].message, /exists from Commerce version 10\.0\.31; HQ is on 10\.0\.30/);
    assert.deepEqual(only((await diagnose(scenario({ extra: { commerceVersion: '10.0.31' }, timeline }))).findings, 'ACD106'), []);
  });

  it('rejects a commerceVersion that is not 10.0.N, at the value', async () => {
    for (const bad of ['10.1.2', '10.0.', 'latest', '10.0.100']) {
      const text = scenario({ extra: { commerceVersion: bad } });
      const [finding] = only((await diagnose(text)).findings, 'ACD107');
      assert.equal(coveredText(text, finding), bad, bad);
    }
    const text = scenario({ extra: { commerceVersion: 10 } });
    assert.equal(coveredText(text, only((await diagnose(text)).findings, 'ACD103')[0]), '10');
  });
});
