import { strict as assert } from 'node:assert';
import type { Log } from 'sarif';
import { markdownReport } from '../../src/report/markdown';
import { supportBundle } from '../../src/report/bundle';
import { diagnose, loadSql, sample } from './helpers';

describe('the support bundle', () => {
  it('holds the Markdown report, the SARIF file and the scenario copy, redacted by default', async () => {
    const bundle = supportBundle(await loadSql(), '/home/ana/cases/ana-berg.asyncscenario.json', sample('failed-operation'), { generatedAt: '2026-11-25T10:00:00Z' });
    assert.equal(bundle.redacted, true);
    const [report, sarif, copy] = bundle.files;
    assert.deepEqual(
      bundle.files.map((f) => f.name),
      ['Alfa-Bravo.report.md', 'Alfa-Bravo.sarif', 'Alfa-Bravo.asyncscenario.json'],
      'the file name names the customer too: it gets the same pseudonyms',
    );
    assert.match(report.content, /^# A customer created offline fails in HQ\n\n> \*\*Redacted/);
    assert.match(report.content, /Scenario: `Alfa-Bravo\.asyncscenario\.json` · 2026-11-25T10:00:00Z/);
    assert.match(report.content, /create customer for Alfa Bravo/);
    const log = JSON.parse(sarif.content) as Log;
    assert.equal(log.runs[0].artifacts?.[0].location?.uri, 'Alfa-Bravo.asyncscenario.json');
    assert.equal(log.runs[0].properties?.redacted, true);
    assert.match(copy.content, /"firstName": "Alfa", "lastName": "Bravo"/);
    assert.equal(bundle.findings[0].ruleId, 'ACD006');
  });

  it('keeps the scenario as it is when redaction is turned off', async () => {
    const text = sample('failed-operation');
    const bundle = supportBundle(await loadSql(), 'failed-operation.asyncscenario.json', text, { redact: false });
    assert.equal(bundle.files[2].content, text);
    assert.doesNotMatch(bundle.files[0].content, /Redacted/);
    assert.match(bundle.files[0].content, /Ana Berg/);
  });
});

describe('the Markdown report, evidence and languages', () => {
  it('gives each evidence row the scenario line that wrote it, and the menu path of the remedy', async () => {
    const { findings, walk } = await diagnose(sample('failed-operation'));
    const report = markdownReport({ title: 'T', file: 'f.asyncscenario.json', generatedAt: 'now', findings, walk });
    assert.match(report, /\| OPERATIONID \| OPERATIONTYPE .* \| Scenario line \|/);
    assert.match(report, /\| ASYNC-000001 \| CustomerCreate \|.*\| 19 \|/);
    assert.match(report, /\*\*In HQ:\*\* \*Retail and Commerce > Customers > Customer synchronization status\* — Open the operation/);
  });

  it('speaks Swedish with the Swedish labels and messages', async () => {
    const { findings, walk } = await diagnose(sample('failed-operation'), { locale: 'sv' });
    const report = markdownReport({ title: 'T', file: 'f', generatedAt: 'now', findings, walk, locale: 'sv', redacted: true });
    assert.match(report, /> \*\*Maskerad: namn, e-postadresser/);
    assert.match(report, /### 1\. ACD006 \(fel\) — rad 19, kolumn 55/);
    assert.match(report, /\*\*I HQ:\*\*/);
    assert.doesNotMatch(report, /\*\*In HQ|Evidence|Findings/);
  });
});
