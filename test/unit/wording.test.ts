// Messages that read as a Commerce administrator expects: counts agree, times look alike, names
// are the documented ones, and fixes write the file the way it is written.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { featureById } from '../../src/domain/features';
import { CDX_JOBS } from '../../src/domain/jobs';
import { count } from '../../src/domain/l10n/plural';
import { applyFix, diagnose, only, repoRoot, scenario } from './helpers';

const PREREQUISITES_ON = { CustomerOrderPerformance: true, EnhancedAsyncCustomerCreation: true, AsyncCustomerAddressCreation: true };
const ANA = { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' };

async function messageOf(text: string, ruleId: string, locale: 'en' | 'sv' = 'en'): Promise<string> {
  const [finding] = only((await diagnose(text, { locale })).findings, ruleId);
  assert.ok(finding, `no ${ruleId}`);
  return finding.message;
}

describe('singular and plural', () => {
  it('has a plural helper that follows the language', () => {
    assert.equal(count('en', 1, 'row', 'rows'), '1 row');
    assert.equal(count('en', 2, 'row', 'rows'), '2 rows');
    assert.equal(count('sv', 1, 'rad', 'rader'), '1 rad');
    assert.equal(count('sv', 0, 'rad', 'rader'), '0 rader');
  });

  it('says "it" of one customer waiting for the P-job, in English and Swedish', async () => {
    const text = scenario({ timeline: [{ createCustomer: ANA }] });
    const en = await messageOf(text, 'ACD004');
    assert.match(en, /^1 customer created at Store42 is still in channel database Default/);
    assert.match(en, /HQ has not received it\.$/);
    const sv = await messageOf(text, 'ACD004', 'sv');
    assert.match(sv, /^1 kund skapad i Store42 finns fortfarande i kanaldatabasen Default/);
    assert.match(sv, /så HQ har inte fått den\.$/);
  });

  it('says "Until it runs" when one job is behind', async () => {
    const text = scenario({
      features: PREREQUISITES_ON,
      timeline: [{ enableFeature: 'AsyncCustomerEditing' }, { runJob: '1110' }, { runJob: '1070' }],
    });
    const en = await messageOf(text, 'ACD002');
    assert.match(en, /job 1010 has not run for Default since\. Until it runs, /);
    const sv = await messageOf(text, 'ACD002', 'sv');
    assert.match(sv, /jobbet 1010 \(Kunder\) har inte körts för Default sedan dess\. Tills det har körts /);
  });
});

describe('times', () => {
  it('"has never run" when the P-job never ran, "has not run since" when it ran before', async () => {
    const never = await messageOf(scenario({ timeline: [{ createCustomer: ANA }] }), 'ACD004');
    assert.match(never, /the P-job has never run for channel database Default/);
    assert.doesNotMatch(never, /since/);
    const before = await messageOf(
      scenario({ timeline: [{ at: '2026-11-01T09:00:00Z', runJob: 'P-0001' }, { at: '2026-11-01T09:12:00Z', createCustomer: ANA }] }),
      'ACD004',
    );
    assert.match(before, /has not run for channel database Default since 2026-11-01 09:12 \(its last run, at 2026-11-01 09:00, came before it was written\)/);
  });

  it('prints ACD104 times like every other message', async () => {
    const text = scenario({ timeline: [{ at: '2026-11-14T10:00:00Z', advance: 'PT1M' }, { at: '2026-11-14T09:30:00Z', runJob: '1110' }] });
    const message = await messageOf(text, 'ACD104');
    assert.equal(message, 'This entry is at 2026-11-14 09:30, before the simulated clock (2026-11-14 10:01): time cannot go backwards. It is applied at 2026-11-14 10:01.');
  });
});

describe('ACD008 on an online store', () => {
  const text = scenario({
    channels: [{ id: 'WebStore', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: false }],
    timeline: [{ createCustomer: { ...ANA, channel: 'WebStore' } }],
  });

  it('speaks of the online store, not its POS, and carries the caveat about the legacy setting', async () => {
    const message = await messageOf(text, 'ACD008');
    assert.doesNotMatch(message, /POS/);
    assert.match(message, /the online store creates and edits customers by real-time calls/);
    assert.match(message, /legacy setting for third-party e-commerce channels/);
  });

  it('says "its POS" for a store', async () => {
    const store = await messageOf(text.replace('"online"', '"store"'), 'ACD008');
    assert.match(store, /its POS creates and edits customers/);
  });
});

describe('refusals at an online store', () => {
  it('say the online store shows the error, not POS, in English and Swedish', async () => {
    const text = scenario({
      channels: [{ id: 'WebStore', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: false }],
      timeline: [{ createCustomer: { ...ANA, channel: 'WebStore', customerGroup: '99' } }],
    });
    const en = await messageOf(text, 'ACD106');
    assert.match(en, /The online store shows the error and nothing is saved\.$/);
    assert.doesNotMatch(en, /POS/);
    const sv = await messageOf(text, 'ACD106', 'sv');
    assert.match(sv, /E-handelskanalen visar felet och inget sparas\.$/);
  });
});

describe('ACD006 in HQ terms', () => {
  it("names HQ's labels, not the scenario's field names", async () => {
    const text = scenario({
      timeline: [
        { createCustomer: { ...ANA, customerGroup: '99', address: { city: 'Umeå', countryRegion: 'SVE' } } },
        { runJob: 'P-0001' },
        { runBatch: 'SynchronizeCustomersAndChannelRequests' },
      ],
    });
    const message = await messageOf(text, 'ACD006');
    assert.match(message, /Correct Customer group and Country\/region on the Customer synchronization status page/);
    assert.doesNotMatch(message, /customerGroup|countryRegion/);
  });

  it('names the failed creation to fix first when an edit depends on it', async () => {
    const text = scenario({
      timeline: [
        { createCustomer: { ...ANA, email: 'ana-at-example' } },
        { editCustomer: { channel: 'Store42', customer: 'Ana Berg', phone: '1' } },
        { runJob: 'P-0001' },
        { runBatch: 'SynchronizeCustomersAndChannelRequests' },
      ],
    });
    const findings = only((await diagnose(text)).findings, 'ACD006');
    const edit = findings.find((f) => f.message.startsWith('Operation ASYNC-000002'))!;
    assert.match(edit.message, /correct and synchronize ASYNC-000001 first, then synchronize ASYNC-000002/);
    assert.equal(edit.fixes[0].title, 'Correct and synchronize ASYNC-000001 first, then ASYNC-000002');
  });
});

describe('ACD001', () => {
  it('writes English feature names into a file written with English feature names', async () => {
    const text = scenario({
      features: {
        'Performance improvements for customer orders and customer transactions': true,
        'Enable enhanced async customer creation': true,
      },
      timeline: [{ enableFeature: 'Enable editing customers in asynchronous mode' }],
    });
    const [finding] = only((await diagnose(text)).findings, 'ACD001');
    const fixed = applyFix(text, finding.fixes[0]);
    const timeline = (parseJsonc(fixed) as { timeline: Record<string, string>[] }).timeline;
    assert.deepEqual(timeline[0], { enableFeature: 'Enable asynchronous creation for customer addresses' });
    assert.deepEqual(only((await diagnose(fixed)).findings, 'ACD001'), []);
  });

  it('never says "in that order": no source gives an order among the prerequisites', async () => {
    const text = scenario({ features: {}, timeline: [{ enableFeature: 'AsyncCustomerEditing' }] });
    for (const locale of ['en', 'sv'] as const) {
      const [finding] = only((await diagnose(text, { locale })).findings, 'ACD001');
      assert.doesNotMatch(`${finding.message} ${finding.remedy?.text}`, /in that order|i den ordningen/);
    }
    const catalogues = readdirSync(join(repoRoot, 'src', 'domain', 'l10n')).map((f) => readFileSync(join(repoRoot, 'src', 'domain', 'l10n', f), 'utf8'));
    assert.ok(catalogues.every((c) => !/in that order|i den ordningen/.test(c)));
  });
});

describe('names as the docs spell them', () => {
  it('uses the main names of the features and of P-0001', async () => {
    assert.equal(featureById('EnhancedAsyncCustomerCreation').name, 'Enable enhanced async customer creation');
    assert.equal(CDX_JOBS.find((j) => j.id === 'P-0001')?.name, 'Channel transactions');
    const [finding] = only((await diagnose(scenario({ timeline: [{ createCustomer: ANA }] }))).findings, 'ACD004');
    assert.match(finding.remedy?.text ?? '', /P-0001 Channel transactions/);
  });
});
