import { strict as assert } from 'node:assert';
import type { Log } from 'sarif';
import type { toJson } from '../../src/report/json';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCommand } from '../../src/report/cli';
import { loadSql, repoRoot, sample } from './helpers';

type FileJson = ReturnType<typeof toJson>;

async function report(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await reportCommand(args, (l) => stdout.push(l), (l) => stderr.push(l), { loadSql, now: () => new Date('2026-11-25T10:00:00Z') });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('command line: report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acd-report-'));
  const failed = join(repoRoot, 'samples', 'failed-operation.asyncscenario.json');
  const healthy = join(repoRoot, 'samples', 'healthy.asyncscenario.json');

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the Markdown report by default and exits 1 on an error finding', async () => {
    const { code, stdout } = await report(failed);
    assert.equal(code, 1);
    assert.match(stdout, /^# A customer created offline fails in HQ/);
    assert.match(stdout, /### 1\. ACD006 \(error\) — line 19, column 55/);
    assert.match(stdout, /Ana Berg/);
    assert.doesNotMatch(stdout, /Redacted/);
  });

  it('exits 0 for a scenario without errors', async () => {
    const { code, stdout } = await report(healthy, '--format', 'json');
    assert.equal(code, 0);
    assert.equal((JSON.parse(stdout) as FileJson[])[0].findings.length, 0);
  });

  it('--redact: a banner on top, pseudonyms in the report, the same findings', async () => {
    const { code, stdout } = await report(failed, '--redact');
    assert.equal(code, 1);
    assert.match(stdout, /^> \*\*Redacted: names, emails, phone numbers and addresses \(street, ZIP\/postal code, city\)/m);
    assert.doesNotMatch(stdout, /scenario copy/, 'the report alone holds no copy of the scenario');
    assert.doesNotMatch(stdout, /Ana|Berg|ana@example\.com|Storgatan/);
    assert.match(stdout, /### 1\. ACD006 \(error\)/);
  });

  it('--redact leaves no street, zip code or city in the address evidence of any format, and keeps the country/region', async () => {
    const text = sample('failed-operation').replace(
      '{ "advance": "PT10M" },',
      '{ "createAddress": { "channel": "Store42", "customer": "Ana Berg", "offline": true, "street": "Bergsgatan 7", "city": "Sundsvall", "zip": "85231", "countryRegion": "SVE" } },\n    { "advance": "PT10M" },',
    );
    const file = join(dir, 'addresses.asyncscenario.json');
    writeFileSync(file, text);
    const plain = await report(file, '--format', 'csv');
    assert.match(plain.stdout, /Umeå/, 'without --redact the evidence shows the city');
    assert.match(plain.stdout, /Sundsvall/, 'and the city of the second address');
    for (const format of ['md', 'json', 'sarif', 'csv']) {
      const { code, stdout } = await report(file, '--redact', '--format', format);
      assert.equal(code, 1, format);
      for (const value of ['Umeå', 'Sundsvall', '90326', '85231', 'Storgatan', 'Bergsgatan']) {
        assert.ok(!stdout.includes(value), `'${value}' survived in the ${format} report`);
      }
      assert.match(stdout, /SVE/, `the ${format} report keeps the country/region the diagnosis is about`);
    }
  });

  it('--format sarif prints a SARIF 2.1.0 log naming the file as given', async () => {
    const { code, stdout } = await report('samples/failed-operation.asyncscenario.json', '--format=sarif');
    assert.equal(code, 1);
    const log = JSON.parse(stdout) as Log;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri, 'samples/failed-operation.asyncscenario.json');
  });

  it('--format json prints what diagnose --json prints', async () => {
    const { stdout } = await report(failed, '--format', 'json');
    const [file] = JSON.parse(stdout) as FileJson[];
    assert.equal(file.file, failed);
    assert.equal(file.findings[0].ruleId, 'ACD006');
    assert.deepEqual(file.findings[0].range.start, { line: 18, character: 54 });
    assert.ok(file.walk.length > 0);
    const diagnoseJson = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'diagnose', failed, '--json'], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    assert.deepEqual(JSON.parse(stdout), JSON.parse(diagnoseJson.stdout));
  });

  it('--format csv prints the evidence rows', async () => {
    const { stdout } = await report(failed, '--format', 'csv');
    assert.match(stdout, /^finding,ruleId,severity,database,table,key,scenarioLine,column,value/);
    assert.match(stdout, /1,ACD006,error,HQ,RETAILASYNCOPERATIONSTATUS,ASYNC-000001,19,STATUS,Failed/);
  });

  it('--locale sv speaks Swedish', async () => {
    const { stdout } = await report(failed, '--locale', 'sv');
    assert.match(stdout, /1 anmärkning, 1 fel\./);
    assert.match(stdout, /## Felsökning/);
  });

  it('-o writes the file, and never overwrites an existing one without --force', async () => {
    const out = join(dir, 'report.md');
    assert.equal((await report(failed, '-o', out)).code, 1);
    assert.match(readFileSync(out, 'utf8'), /^# A customer created offline fails in HQ/);
    writeFileSync(out, 'keep me');
    const refused = await report(healthy, '-o', out);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /report\.md: the file exists; not overwritten \(use --force/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    assert.equal((await report(healthy, '-o', out, '--force', '--format', 'sarif')).code, 0);
    assert.equal((JSON.parse(readFileSync(out, 'utf8')) as Log).version, '2.1.0');
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');
    const scenarioFile = join(dir, 'self.asyncscenario.json');
    writeFileSync(scenarioFile, sample('healthy'));
    const self = await report(scenarioFile, '-o', scenarioFile, '--force');
    assert.equal(self.code, 2);
    assert.match(self.stderr, /is the scenario itself/);
    assert.equal(readFileSync(scenarioFile, 'utf8'), sample('healthy'));
  });

  it('exits 2 naming the file when it cannot be read, is a directory or is not a scenario', async () => {
    const missing = await report(join(dir, 'missing.asyncscenario.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing\.asyncscenario\.json: cannot read the file \(ENOENT\)/);
    const directory = await report(dir);
    assert.equal(directory.code, 2);
    assert.match(directory.stderr, /is a directory/);
    const notJson = join(dir, 'broken.asyncscenario.json');
    writeFileSync(notJson, '"just a string"');
    const broken = await report(notJson);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /broken\.asyncscenario\.json:1:1: 'scenario' must be an object, not string\./);
    const other = join(dir, 'package.asyncscenario.json');
    writeFileSync(other, JSON.stringify({ name: 'app', version: '1.0.0' }));
    const notScenario = await report(other);
    assert.equal(notScenario.code, 2);
    assert.equal(notScenario.stderr.trim(), `${other}:1:1: Not a scenario: expected at least one of "features", "channels", "timeline". Nothing was simulated.`);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked.asyncscenario.json');
      writeFileSync(locked, sample('healthy'));
      chmodSync(locked, 0o000);
      const unreadable = await report(locked);
      assert.equal(unreadable.code, 2);
      assert.match(unreadable.stderr, /locked\.asyncscenario\.json: cannot read the file \(EACCES\)/);
    }
  });

  it('exits 2 with the usage on a wrong command line, and writes nothing', async () => {
    for (const args of [[], [failed, healthy], [failed, '--format', 'pdf'], [failed, '--frobnicate'], [failed, '-o']]) {
      const { code, stderr } = await report(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /Usage: async-customer-doctor report FILE/);
    }
    assert.equal(existsSync(join(dir, 'pdf')), false);
  });
});
