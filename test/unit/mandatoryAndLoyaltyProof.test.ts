import { strict as assert } from 'node:assert';
import { diagnose, only, scenario } from './helpers';

describe('the performance feature at the start from 10.0.28', () => {
  it('says false at the start does not apply because the feature is mandatory and always on, not that HQ refused to disable it', async () => {
    const text = scenario({ features: { CustomerOrderPerformance: false, EnhancedAsyncCustomerCreation: true }, extra: { commerceVersion: '10.0.30' } });
    const [finding] = only((await diagnose(text)).findings, 'ACD106');
    assert.match(finding.message, /mandatory from Commerce version 10\.0\.28 and always on \(HQ is on 10\.0\.30\): false at the start does not apply/);
    assert.doesNotMatch(finding.message, /refuses to disable/);
    const [sv] = only((await diagnose(text, { locale: 'sv' })).findings, 'ACD106');
    assert.match(sv.message, /obligatorisk från Commerce-version 10\.0\.28 och alltid aktiverad/);
  });
});

describe('a loyalty card for a customer still Pending sync (ACD013)', () => {
  it('shows as proof the channel database\'s customer row: the temporary id and Pending sync, no real account number', async () => {
    const text = scenario({
      timeline: [
        { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' } },
        { issueLoyaltyCard: { channel: 'Store42', customer: 'Ana Berg' } },
      ],
    });
    const [finding] = only((await diagnose(text)).findings, 'ACD013');
    assert.equal(finding.evidence.length, 1);
    const [row] = finding.evidence;
    assert.equal(row.database, 'Default');
    assert.equal(row.table, 'CUSTOMER');
    assert.notEqual(row.table, 'EVENTLOG');
    assert.match(String(row.columns.CUSTACCOUNTASYNC), /^[0-9a-f-]{36}$/i);
    assert.equal(row.columns.PENDINGSYNC, 1);
    assert.equal(row.columns.FIRSTNAME, 'Ana');
  });
});
