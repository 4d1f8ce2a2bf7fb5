import { strict as assert } from 'node:assert';
import { diagnose, fixRemovesFinding, only } from './helpers';

/** A customer with an unknown country/region, created at a store on Commerce 10.0.30, uploaded and processed. */
const ON_10_0_30 = JSON.stringify(
  {
    start: '2026-11-01T08:00:00Z',
    commerceVersion: '10.0.30',
    features: { EnhancedAsyncCustomerCreation: true, AsyncCustomerAddressCreation: true },
    channels: [{ id: 'S', asyncCustomerCreation: true }],
    timeline: [
      { createCustomer: { channel: 'S', firstName: 'A', lastName: 'B', address: { street: 'x', city: 'y', countryRegion: 'XXX' } } },
      { runJob: 'P-0001' },
      { runBatch: 'SynchronizeCustomersAndChannelRequests' },
    ],
  },
  null,
  2,
);

describe('A failed operation before Commerce 10.0.31 (no Customer synchronization status page)', () => {
  it('says the page exists from 10.0.31 and that HQ must be updated to correct and synchronize the operation', async () => {
    const [finding] = only((await diagnose(ON_10_0_30)).findings, 'ACD006');
    assert.match(finding.message, /needs the Customer synchronization status page, which exists from Commerce version 10\.0\.31; HQ is on 10\.0\.30/);
    assert.doesNotMatch(finding.message, /on the Customer synchronization status page, Save, then Synchronize/);
    assert.match(finding.remedy?.text ?? '', /^Update Commerce headquarters to 10\.0\.31 or later/);
    assert.equal(finding.remedy?.menuPath, undefined);
  });

  it('offers a fix that sets commerceVersion to 10.0.31 with the edit and Synchronize, and replays with nothing refused', async () => {
    const [finding] = only((await diagnose(ON_10_0_30)).findings, 'ACD006');
    // No other address to take a country/region from: the value is a guess, so the fix is offered but not preferred.
    const [fix] = finding.fixes;
    assert.match(fix.title, /^Set commerceVersion to 10\.0\.31, then: Edit/);
    const fixed = await fixRemovesFinding(ON_10_0_30, finding);
    const after = (await diagnose(fixed)).findings;
    assert.deepEqual(only(after, 'ACD106'), []);
    assert.deepEqual(only(after, 'ACD006'), []);
  });

  it('gives a refused Edit or Synchronize (ACD106) the same remedy, and a fix that updates the version', async () => {
    const doc = JSON.parse(ON_10_0_30) as { timeline: unknown[] };
    doc.timeline.push({ resync: 'OP-000001' });
    const text = JSON.stringify(doc, null, 2);
    const [operation] = only((await diagnose(text)).findings, 'ACD006');
    const opId = /Operation (\S+)/.exec(operation.message)?.[1] ?? '';
    doc.timeline[3] = { resync: opId };
    const withResync = JSON.stringify(doc, null, 2);
    const [refused] = only((await diagnose(withResync)).findings, 'ACD106');
    assert.match(refused.message, /exists from Commerce version 10\.0\.31/);
    assert.match(refused.remedy?.text ?? '', new RegExp(`^Update Commerce headquarters to 10\\.0\\.31 or later.*the operation ${opId}`));
    assert.equal(refused.fixes[0]?.title, 'Set commerceVersion to 10.0.31');
  });

  it('says it in Swedish too, with the Swedish page name', async () => {
    const [finding] = only((await diagnose(ON_10_0_30, { locale: 'sv' })).findings, 'ACD006');
    assert.match(finding.message, /kräver sidan Kundsynkroniseringsstatus, som finns från Commerce-version 10\.0\.31; HQ har 10\.0\.30/);
    assert.match(finding.remedy?.text ?? '', /^Uppdatera Commerce headquarters till 10\.0\.31 eller senare/);
  });
});
