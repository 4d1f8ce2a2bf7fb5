import { strict as assert } from 'node:assert';
import { markdownReport } from '../../src/diagnose/report';
import { diagnose, sample } from './helpers';

describe('the Markdown report', () => {
  it('lists the FAQ walk, each finding with remedy, fix and evidence rows', async () => {
    const { findings, walk } = await diagnose(sample('failed-operation'));
    const report = markdownReport({ title: 'Failed operation', file: 'failed-operation.asyncscenario.json', generatedAt: '2026-11-24', findings, walk });
    assert.match(report, /^# Failed operation/);
    assert.match(report, /- ❌ failed — No asynchronous operation failed \(ACD006\) \[#1\]\(#finding-1\)/);
    assert.match(report, /### 1\. ACD006 \(error\) — line 19, column 55/);
    assert.match(report, /\*\*In HQ:\*\* \*Retail and Commerce > Customers > Customer synchronization status\*/);
    assert.match(report, /\*HQ · RETAILASYNCOPERATIONSTATUS\*/);
    assert.match(report, /\| ASYNC-000001 \| CustomerCreate \|/);
  });
});

describe('severity in the report', () => {
  it('shows a cause with only information findings as to note, never as failed', async () => {
    const { findings, walk } = await diagnose(sample('csu-cache-not-expired'));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity]),
      [['ACD003', 'information']],
    );
    const report = markdownReport({ title: 'Cache', file: 'csu-cache-not-expired.asyncscenario.json', generatedAt: '2026-11-24', findings, walk });
    assert.match(report, /- ℹ️ to note — The Commerce Scale Unit cache has expired \(ACD003\)/);
    assert.doesNotMatch(report, /❌ failed/);
  });

  it('shows a warning cause as needing action', async () => {
    const { findings, walk } = await diagnose(sample('customers-stuck-in-channel'));
    const report = markdownReport({ title: 'Channel', file: 'customers-stuck-in-channel.asyncscenario.json', generatedAt: '2026-11-24', findings, walk });
    assert.match(report, /- ⚠️ needs action — The P-job uploaded the async records to HQ \(ACD004\)/);
  });
});

describe('the Markdown report in Swedish', () => {
  it("writes the report's own words in Swedish, and counts in the singular for one", async () => {
    const { findings, walk } = await diagnose(sample('failed-operation'), { locale: 'sv' });
    const report = markdownReport({ title: 'Misslyckad åtgärd', file: 'failed-operation.asyncscenario.json', generatedAt: '2026-11-24', findings, walk, locale: 'sv' });
    assert.match(report, /^1 anmärkning, 1 fel\.$/m);
    assert.match(report, /## Felsökning/);
    assert.match(report, /- ❌ underkänd — Ingen asynkron åtgärd har misslyckats \(ACD006\)/);
    assert.match(report, /### 1\. ACD006 \(fel\) — rad 19, kolumn 55/);
    assert.match(report, /\*\*I HQ:\*\* \*Handel och detaljhandel > Kunder > Kundsynkroniseringsstatus\*/);
    assert.match(report, /\*\*Korrigering:\*\* Redigera ASYNC-000001/);
    assert.doesNotMatch(report.replace(/#?finding-\d+|failed-operation/g, ''), /\b(finding|findings|passed|failed|Evidence|In HQ|Fix)\b/);
  });

  it('says "1 finding, 1 error." in English', async () => {
    const { findings, walk } = await diagnose(sample('failed-operation'));
    const report = markdownReport({ title: 'x', file: 'x', generatedAt: 'x', findings, walk });
    assert.match(report, /^1 finding, 1 error\.$/m);
  });
});
