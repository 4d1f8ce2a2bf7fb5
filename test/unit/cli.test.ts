import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers';

const cli = join(repoRoot, 'dist', 'cli.js');

interface Position {
  readonly line: number;
  readonly character: number;
}

/** What `diagnose --json` prints for each file: the parts these tests read. */
interface FileReport {
  readonly findings: {
    readonly ruleId: string;
    readonly range: { readonly start: Position; readonly end: Position };
    readonly question: string;
    readonly remedy: { readonly menuPath?: string };
    readonly evidence: { readonly table: string }[];
    readonly fixes: { readonly edits: unknown[] }[];
  }[];
  readonly walk: unknown[];
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('command line: diagnose', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acd-cli-'));

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:col, rule id and message, and exits 1 on an error finding', () => {
    const { code, stdout } = run('diagnose', 'samples/cannot-enable-editing.asyncscenario.json');
    assert.equal(code, 1);
    assert.match(stdout, /^samples\/cannot-enable-editing\.asyncscenario\.json:17:54: error ACD001: 'Enable editing customers in asynchronous mode' cannot be enabled/m);
    assert.match(stdout, /in HQ: Workspaces > Feature management: /);
    assert.match(stdout, /fix: Turn on 'Enable asynchronous creation for customer addresses' first/);
  });

  it('exits 0 when there are only warnings, or nothing', () => {
    assert.equal(run('diagnose', 'samples/customers-stuck-in-channel.asyncscenario.json').code, 0);
    const healthy = run('diagnose', 'samples/healthy.asyncscenario.json');
    assert.equal(healthy.code, 0);
    assert.match(healthy.stdout, /no findings/);
  });

  it('prints JSON with 0-based ranges, evidence, remedy and fixes for each file', () => {
    const { code, stdout } = run('diagnose', 'samples/failed-operation.asyncscenario.json', 'samples/healthy.asyncscenario.json', '--json');
    assert.equal(code, 1);
    const reports = JSON.parse(stdout) as FileReport[];
    assert.equal(reports.length, 2);
    const [finding] = reports[0].findings;
    assert.equal(finding.ruleId, 'ACD006');
    assert.deepEqual(finding.range.start, { line: 18, character: 54 });
    assert.equal(finding.remedy.menuPath, 'Retail and Commerce > Customers > Customer synchronization status');
    assert.equal(finding.evidence[0].table, 'RETAILASYNCOPERATIONSTATUS');
    assert.equal(finding.fixes[0].edits.length, 1);
    assert.match(finding.question, /Which asynchronous operation failed/);
    assert.deepEqual(reports[1].findings, []);
    assert.equal(reports[1].walk.length, 5);
  });

  it('gives a typo in a feature id a finding whose range covers exactly that id', () => {
    const file = join(dir, 'typo.asyncscenario.json');
    writeFileSync(file, '{\n  "features": { "AsyncCustomerEditting": true }\n}\n');
    const { code, stdout } = run('diagnose', file, '--json');
    assert.equal(code, 1);
    const [finding] = (JSON.parse(stdout) as FileReport[])[0].findings;
    assert.equal(finding.ruleId, 'ACD102');
    assert.deepEqual(finding.range, { start: { line: 1, character: 17 }, end: { line: 1, character: 38 } });
  });

  it('exits 2 on a missing file or a file that is not a scenario, with a message naming it', () => {
    const missing = run('diagnose', join(dir, 'nope.asyncscenario.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.asyncscenario\.json: cannot read the file \(ENOENT\)/);
    const notJson = join(dir, 'not.asyncscenario.json');
    writeFileSync(notJson, '[1, 2, 3]');
    const bad = run('diagnose', notJson);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not\.asyncscenario\.json:1:1: 'scenario' must be an object, not array\./);
    assert.equal(run('diagnose', dir).code, 2);
  });

  it('reports a file over the size limit as ACD108, an error finding with exit 1, like the other limits', () => {
    const big = join(dir, 'big.asyncscenario.json');
    writeFileSync(big, `{ "name": "${'x'.repeat(5_000_100)}", "timeline": [] }`);
    const { code, stdout, stderr } = run('diagnose', big);
    assert.equal(code, 1, stderr);
    assert.match(stdout, /^.*big\.asyncscenario\.json:1:1: error ACD108: This scenario has 5,?000,?1\d\d characters/m);
  });

  it('ends quietly when the reader of its output stops early (| head)', () => {
    // A pipe whose reader closes after the first line: node writes on into a closed pipe (EPIPE).
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" diagnose samples/customers-stuck-in-staging.asyncscenario.json --json | head -1`], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(result.stdout, '[\n');
    assert.equal(result.stderr, '', 'no stack trace');
  });

  it('exits 2 with usage on a wrong command line', () => {
    assert.equal(run().code, 2);
    assert.equal(run('diagnose').code, 2);
    assert.equal(run('frobnicate').code, 2);
    assert.equal(run('diagnose', '--bogus', 'x').code, 2);
    assert.equal(run('--help').code, 0);
  });

  it('speaks Swedish with --locale sv', () => {
    const { stdout } = run('diagnose', 'samples/customers-stuck-in-channel.asyncscenario.json', '--locale', 'sv');
    assert.match(stdout, /kunder skapade i Store42 finns fortfarande/);
  });
});
