import { strict as assert } from 'node:assert';
import { parse as parseJsonc } from 'jsonc-parser';
import { applyFix, diagnose, fixRemovesFinding, only, scenario } from './helpers';

const UPLOAD_AND_PROCESS = [{ runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }];
const BO_IN_UMEA = { createCustomer: { channel: 'Store42', firstName: 'Bo', lastName: 'Ek', address: { street: 'Storgatan 1', city: 'Umeå', countryRegion: 'XXX' } } };

describe('ACD006 for an unknown country/region: which value the fix writes', () => {
  it('writes the country/region the scenario\'s other addresses use, not the closest spelling', async () => {
    const text = scenario({
      timeline: [
        { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', address: { street: 'Kungsgatan 2', city: 'Stockholm', countryRegion: 'SWE' } } },
        BO_IN_UMEA,
        ...UPLOAD_AND_PROCESS,
      ],
    });
    const [finding] = only((await diagnose(text)).findings, 'ACD006');
    const fix = finding.fixes.find((f) => f.isPreferred);
    assert.ok(fix, 'a preferred fix');
    assert.match(fix.title, /SWE/);
    assert.doesNotMatch(fix.title, /MEX|guess/);
    const fixed = await fixRemovesFinding(text, finding);
    const timeline = (parseJsonc(fixed) as { timeline: { editFailedOperation?: { set: Record<string, unknown> } }[] }).timeline;
    assert.equal(timeline.find((e) => e.editFailedOperation)?.editFailedOperation?.set.countryRegion, 'SWE');
  });

  it('without another address to go by, says the value is a guess and does not make it the preferred fix', async () => {
    const text = scenario({ timeline: [BO_IN_UMEA, ...UPLOAD_AND_PROCESS] });
    const [finding] = only((await diagnose(text)).findings, 'ACD006');
    assert.deepEqual(finding.fixes.filter((f) => f.isPreferred), []);
    const [fix] = finding.fixes;
    assert.match(fix.title, /is a guess from the spelling: check it first/);
    const written = /countryRegion|Country\/region/i.test(fix.title);
    assert.ok(written, fix.title);
    const fixed = applyFix(text, fix);
    assert.deepEqual(only((await diagnose(fixed)).findings, 'ACD006'), []);
    const [sv] = only((await diagnose(text, { locale: 'sv' })).findings, 'ACD006');
    assert.match(sv.fixes[0].title, /är en gissning utifrån stavningen/);
  });

  it('keeps clearing an invalid email, an optional field, as the preferred fix', async () => {
    const text = scenario({ timeline: [{ createCustomer: { channel: 'Store42', firstName: 'Cy', lastName: 'Dahl', email: 'not-an-email' } }, ...UPLOAD_AND_PROCESS] });
    const [finding] = only((await diagnose(text)).findings, 'ACD006');
    const fix = finding.fixes.find((f) => f.isPreferred);
    assert.match(fix?.title ?? '', /cleared/);
    await fixRemovesFinding(text, finding);
  });
});
