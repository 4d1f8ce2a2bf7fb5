import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { applyEdits } from '../../src/domain/text';
import { sarifLog } from '../../src/report/sarif';
import { supportBundle } from '../../src/report/bundle';
import { diagnose, loadSql, repoRoot, sample } from './helpers';

const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'vendor', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// The schema's language pattern is not valid with the u flag (a stray ']'), as published.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const sampleNames = readdirSync(join(repoRoot, 'samples'))
  .filter((f) => f.endsWith('.asyncscenario.json'))
  .map((f) => f.replace(/\.asyncscenario\.json$/, ''));

function assertValidSarif(log: unknown, what: string): void {
  const valid = validate(log);
  assert.ok(valid, `${what}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

describe('SARIF output', () => {
  for (const name of sampleNames) {
    it(`validates against the SARIF 2.1.0 schema for the sample ${name}, plain and redacted`, async () => {
      const { findings, walk } = await diagnose(sample(name));
      assertValidSarif(sarifLog({ artifactUri: `samples/${name}.asyncscenario.json`, findings, walk }), name);
      const bundle = supportBundle(await loadSql(), `${name}.asyncscenario.json`, sample(name), { generatedAt: '2026-11-25T00:00:00Z' });
      assertValidSarif(JSON.parse(bundle.files[1].content), `${name} (bundle)`);
    });
  }

  it('uses the schema exactly as @microsoft/jest-sarif publishes it', () => {
    const published = readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8');
    assert.equal(readFileSync(join(repoRoot, 'test', 'vendor', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'), published);
  });

  it('the schema check fails a log that breaks it (a result without a message)', () => {
    const broken = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'ACD001' }] }] };
    assert.equal(validate(broken), false);
  });

  it('describes each rule that occurs once, with its remedy and FAQ question, and points each result at it', async () => {
    const { findings, walk } = await diagnose(sample('failed-operation'));
    const log = sarifLog({ artifactUri: 'samples/failed-operation.asyncscenario.json', findings, walk });
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'Async Customer Doctor');
    const rules = run.tool.driver.rules ?? [];
    assert.deepEqual(rules.map((r) => r.id), ['ACD006']);
    assert.equal(rules[0].name, 'OperationFailed');
    assert.equal(rules[0].shortDescription?.text, 'No asynchronous operation failed');
    assert.match(rules[0].fullDescription?.text ?? '', /Which asynchronous operation failed/);
    assert.match(rules[0].help?.text ?? '', /In HQ: Retail and Commerce > Customers > Customer synchronization status: Open the operation ASYNC-000001/);
    assert.match(rules[0].help?.text ?? '', /FAQ: Which asynchronous operation failed/);
    assert.equal(rules[0].defaultConfiguration?.level, 'error');
    const [result] = run.results ?? [];
    assert.equal(result.ruleId, 'ACD006');
    assert.equal(result.ruleIndex, 0);
    assert.equal(result.level, 'error');
    assert.match(result.message.text ?? '', /Operation ASYNC-000001 .* failed in HQ/);
  });

  it('gives 1-based lines and columns and the character offset of the finding', async () => {
    const text = sample('failed-operation');
    const { findings, walk } = await diagnose(text);
    const region = sarifLog({ artifactUri: 'f.asyncscenario.json', findings, walk }).runs[0].results?.[0].locations?.[0].physicalLocation?.region;
    assert.equal(region?.startLine, 19);
    assert.equal(region?.startColumn, 55);
    assert.equal(region?.charOffset, findings[0].location.offset);
    assert.equal(text.slice(region?.charOffset, (region?.charOffset ?? 0) + (region?.charLength ?? 0)), text.slice(findings[0].location.offset, findings[0].location.offset + findings[0].location.length));
    const lines = text.split('\n');
    assert.equal(lines[(region?.endLine ?? 0) - 1].length >= (region?.endColumn ?? 0) - 1, true);
  });

  it('carries the evidence rows as properties and the rows that have a scenario place as related locations', async () => {
    const { findings, walk } = await diagnose(sample('failed-operation'));
    const [result] = sarifLog({ artifactUri: 'f.asyncscenario.json', findings, walk }).runs[0].results ?? [];
    const evidence = (result.properties as { evidence: { table: string; columns: Record<string, unknown> }[] }).evidence;
    assert.ok(evidence.some((row) => row.table === 'RETAILASYNCOPERATIONSTATUS' && row.columns.STATUS === 'Failed'));
    const related = result.relatedLocations ?? [];
    assert.equal(related.length, findings[0].evidence.filter((e) => e.location).length);
    assert.ok(related.length > 0);
    assert.equal(related[0].physicalLocation?.region?.startLine, 19);
  });

  it('turns each fix into replacements that, applied to the scenario, give the same text as the fix', async () => {
    const text = sample('cannot-enable-editing');
    const { findings, walk } = await diagnose(text);
    const results = sarifLog({ artifactUri: 'f.asyncscenario.json', findings, walk }).runs[0].results ?? [];
    let checked = 0;
    results.forEach((result, i) => {
      (result.fixes ?? []).forEach((fix: Sarif.Fix, j) => {
        assert.equal(fix.description?.text, findings[i].fixes[j].title);
        const edits = fix.artifactChanges[0].replacements.map((r) => ({
          offset: r.deletedRegion.charOffset ?? -1,
          length: r.deletedRegion.charLength ?? -1,
          newText: r.insertedContent?.text ?? '',
        }));
        assert.equal(applyEdits(text, edits), applyEdits(text, findings[i].fixes[j].edits));
        checked++;
      });
    });
    assert.ok(checked > 0, 'the sample has fixes');
  });

  it('levels: a warning stays a warning, information becomes a note', async () => {
    const { findings, walk } = await diagnose(sample('customers-stuck-in-channel'));
    const log = sarifLog({ artifactUri: 'f.asyncscenario.json', findings, walk });
    const levels = new Set((log.runs[0].results ?? []).map((r) => r.level));
    const severities = new Set(findings.map((f) => f.severity));
    assert.ok(findings.length > 0);
    for (const severity of severities) {
      assert.ok(levels.has(severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note'));
    }
  });
});
