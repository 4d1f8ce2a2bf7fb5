// A support bundle of an imported scenario: redaction keeps what the diagnosis needs from the
// status lines (ids and states) and leaves no personal value of the error text.
import { strict as assert } from 'node:assert';
import { supportBundle } from '../../../src/report/bundle';
import { loadSql, only, scenario } from '../helpers';
import { analyze } from '../../../src/diagnose/engine';

describe('redaction of an imported scenario', () => {
  it('keeps the observed operation (ACD006 with its async account) and replaces the email in its last known error', async () => {
    const text = scenario({
      timeline: [
        {
          at: '2026-11-01T09:00:00Z',
          observedOperation: {
            channel: 'Store42',
            asyncCustomerAccount: 'SE42-000202',
            operation: 'create',
            status: 'failed',
            lastKnownError: "The email address 'ana.berg@contoso.se' is not valid.",
          },
        },
      ],
    });
    const sql = await loadSql();
    assert.equal(only(analyze(sql, text).findings, 'ACD006').length, 1);
    const bundle = supportBundle(sql, 'imported.asyncscenario.json', text, { generatedAt: '2026-11-25T12:00:00Z' });
    const [acd006] = only(bundle.findings, 'ACD006');
    assert.ok(acd006, bundle.findings.map((f) => f.ruleId).join(', '));
    assert.match(acd006.message, /SE42-000202/);
    for (const file of bundle.files) {
      assert.doesNotMatch(file.content, /ana\.berg|contoso/i, file.name);
    }
    assert.match(bundle.files[2].content, /"status": ?"failed"/);
  });
});
