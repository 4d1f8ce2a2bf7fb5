import { strict as assert } from 'node:assert';
import { evidenceSummary, orderedEvidenceColumns } from '../../src/domain/evidenceColumns';
import { causeMood, worstSeverity } from '../../src/domain/severity';
import { diagnose, only, sample } from './helpers';

describe('evidence rows show the proof columns first', () => {
  it('ACD005: OnlineOperationCompleted = 0 comes before the ids', async () => {
    const [finding] = only((await diagnose(sample('customers-stuck-in-staging'))).findings, 'ACD005');
    const row = finding.evidence.find((e) => e.table === 'RETAILASYNCCUSTOMERV2')!;
    assert.match(evidenceSummary(finding, row), /^ONLINEOPERATIONCOMPLETED = 0, FIRSTNAME = Liam, LASTNAME = Novak/);
  });

  it('ACD006: the status, the failure reason, the failed field and its failing value come first', async () => {
    const [finding] = only((await diagnose(sample('failed-operation'))).findings, 'ACD006');
    const row = finding.evidence.find((e) => e.table === 'RETAILASYNCOPERATIONSTATUS')!;
    const names = orderedEvidenceColumns(finding, row).map(([name]) => name);
    assert.deepEqual(names.slice(0, 4), ['STATUS', 'FAILUREREASON', 'FAILEDFIELDS', 'COUNTRY']);
    assert.match(evidenceSummary(finding, row), /FAILUREREASON = The country\/region 'SVE' does not exist\., FAILEDFIELDS = countryRegion, COUNTRY = SVE/);
  });

  it('ACD001: the feature and its state, without the bookkeeping columns', async () => {
    const [finding] = only((await diagnose(sample('cannot-enable-editing'))).findings, 'ACD001');
    assert.ok(finding.evidence.length > 0, 'ACD001 has evidence');
    const summary = evidenceSummary(finding, finding.evidence[0]);
    assert.match(summary, /^FEATUREID = AsyncCustomerAddressCreation, ENABLED = 0/);
    assert.doesNotMatch(summary, /ORIGIN/);
  });
});

describe('severity looks the same everywhere', () => {
  it('a failed cause is failed for an error, needs action for a warning, to note for information', () => {
    assert.equal(causeMood('failed', ['error', 'information']), 'failed');
    assert.equal(causeMood('failed', ['warning']), 'warning');
    assert.equal(causeMood('failed', ['information']), 'toNote');
    assert.equal(causeMood('passed', []), 'passed');
    assert.equal(worstSeverity([]), undefined);
    assert.equal(worstSeverity(['hint', 'warning', 'information']), 'warning');
  });
});
