// `import` on the command line, as the README shows it: each conclusion set of the fixtures,
// imported and then diagnosed, reports its rule; bad input gets a clear message and exit 2.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { repoRoot } from '../helpers';

const cli = join(repoRoot, 'dist', 'cli.js');
const evidence = join('test', 'fixtures', 'evidence');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `<set>/*` as the shell expands it. */
function filesOf(set: string): string[] {
  return readdirSync(join(repoRoot, evidence, set))
    .sort()
    .map((f) => join(evidence, set, f));
}

describe('command line: import', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'acd-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const CONCLUSIONS: [set: string, rule: string, says: RegExp][] = [
    ['acd002-feature-enabled-jobs-not-run', 'ACD002', /Default .*'Enable editing customers in asynchronous mode' was enabled in HQ at 2026-11-10 09:00, but jobs 1110, 1010 and 1070 have not run/],
    ['acd006-failed-operation', 'ACD006', /SE42-000202.*ZIP\/postal code "9O326" does not exist for country\/region SWE\./],
    ['acd005-batch-not-run', 'ACD005', /SE42-000302.*SE42-000303.*OnlineOperationCompleted = 0/],
    ['acd011-pjob-upload-failed', 'ACD011', /P-job for channel database Default failed at 2026-11-15 .*Tried too many times/],
    ['acd007-account-not-back', 'ACD007', /SE42-000501 → 004140.*job 1010 \(Customers\) has not run for Default/],
  ];
  for (const [set, rule, says] of CONCLUSIONS) {
    it(`${set}: import -o, then diagnose reports ${rule} and no other finding`, () => {
      const out = join(dir, 'out.asyncscenario.json');
      const imported = run('import', ...filesOf(set), '-o', out);
      assert.equal(imported.code, 0, imported.stderr);
      assert.equal(imported.stdout, '');
      const diagnosed = run('diagnose', out);
      const findings = diagnosed.stdout.split('\n').filter((l) => /^\S.*: (error|warning|information) ACD\d+/.test(l));
      assert.ok(findings.length > 0, diagnosed.stdout + diagnosed.stderr);
      assert.deepEqual([...new Set(findings.map((l) => /(ACD\d+)/.exec(l)![1]))], [rule], diagnosed.stdout);
      assert.match(findings[0], says);
    });
  }

  it('writes an ordinary scenario to standard output: JSONC, every entry after a comment naming its file and row', () => {
    const { code, stdout, stderr } = run('import', ...filesOf('acd006-failed-operation'));
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const scenario = parseJsonc(stdout) as { start: string; timeline: Record<string, unknown>[]; channels: { id: string }[] };
    assert.equal(scenario.start, '2026-11-11T22:00:00Z');
    assert.deepEqual(scenario.channels.map((c) => c.id), ['Store42']);
    // 4 download sessions, 4 upload sessions, 3 status rows, 4 batch runs.
    assert.equal(scenario.timeline.length, 15);
    const lines = stdout.split('\n');
    const entryLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s+\{"at":/.test(l));
    assert.equal(entryLines.length, 15);
    for (const [line, i] of entryLines) {
      assert.match(lines[i - 1], /^\s+\/\/ [\w.-]+\.csv:\d+: /, `no source comment above ${line}`);
    }
    const failed = scenario.timeline.find((e) => (e.observedOperation as { status?: string } | undefined)?.status === 'failed');
    assert.deepEqual(failed, {
      at: '2026-11-12T09:10:00Z',
      observedOperation: {
        channel: 'Store42',
        asyncCustomerAccount: 'SE42-000202',
        operation: 'create',
        status: 'failed',
        lastKnownError: 'The address could not be validated: ZIP/postal code "9O326" does not exist for country/region SWE.',
      },
    });
    assert.ok(lines.some((l) => /\/\/ customer-sync-status\.csv:3: Customer synchronization status Failed, Create$/.test(l)));
  });

  it('features enabled after the first run are off at the start and enabled in the timeline at their date', () => {
    const { stdout } = run('import', ...filesOf('acd002-feature-enabled-jobs-not-run'));
    const scenario = parseJsonc(stdout) as { features: Record<string, boolean>; timeline: Record<string, unknown>[] };
    assert.equal(scenario.features.AsyncCustomerEditing, false);
    assert.equal(scenario.features.EnhancedAsyncCustomerCreation, true);
    assert.deepEqual(scenario.timeline.find((e) => 'enableFeature' in e), { at: '2026-11-10T09:00:00Z', enableFeature: 'AsyncCustomerEditing' });
    // The 12:00 1010 session is only Available: read, not replayed, and said so.
    assert.match(stdout, /\/\/ Rows read but not replayed:\n\s+\/\/\s+download-sessions\.csv:6: download session, job 1010, Available \(did not reach the channel database\)/);
  });

  it('failed upload sessions become runJob entries with fails and their message', () => {
    const { stdout } = run('import', ...filesOf('acd011-pjob-upload-failed'));
    const scenario = parseJsonc(stdout) as { timeline: Record<string, unknown>[] };
    const failed = scenario.timeline.filter((e) => e.runJob === 'P-0001' && e.fails !== undefined);
    assert.ok(failed.length >= 1);
    assert.match(String(failed[0].fails), /Tried too many times/);
  });

  it('reads a folder as the files in it', () => {
    const fromFolder = run('import', join(evidence, 'acd007-account-not-back'));
    const fromFiles = run('import', ...filesOf('acd007-account-not-back'));
    assert.equal(fromFolder.code, 0, fromFolder.stderr);
    assert.equal(fromFolder.stdout, fromFiles.stdout);
    assert.equal(run('import', join(dir)).code, 2);
    assert.match(run('import', join(dir)).stderr, /the folder holds no files to import/);
  });

  it('never overwrites without --force', () => {
    const out = join(dir, 'out.asyncscenario.json');
    writeFileSync(out, 'keep me');
    const refused = run('import', ...filesOf('acd006-failed-operation'), '-o', out);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /out\.asyncscenario\.json exists; not overwritten\. Give --force/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    const forced = run('import', ...filesOf('acd006-failed-operation'), '-o', out, '--force');
    assert.equal(forced.code, 0);
    assert.match(readFileSync(out, 'utf8'), /"observedOperation"/);
    assert.deepEqual(readdirSync(dir), ['out.asyncscenario.json']);
  });

  it('reports unreadable rows with file:row on standard error and imports the rest', () => {
    const { code, stdout, stderr } = run('import', join(evidence, 'formats', 'bad-rows.csv'), '--channel', 'Store42=Default');
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^warning: bad-rows\.csv:3: .*row skipped$/m);
    assert.match(stderr, /^warning: bad-rows\.csv:4: "Stuck" is not a customer sync status/m);
    assert.match(stdout, /"asyncCustomerAccount":"SE42-000105"/);
  });

  it('an unrecognised file: exit 2 naming the file and the expected headers', () => {
    const { code, stdout, stderr } = run('import', join(evidence, 'formats', 'unrecognised.csv'));
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /unrecognised\.csv/);
    assert.match(stderr, /Customer sync status/);
    assert.match(stderr, /Upload session ID/);
  });

  it('a missing file: exit 2 with its name', () => {
    const { code, stderr } = run('import', join(dir, 'nothing-here.csv'));
    assert.equal(code, 2);
    assert.match(stderr, /nothing-here\.csv: cannot read the file \(ENOENT\)/);
  });

  it('channels whose channel database the files cannot tell: one message, exit 2; --channel settles it', () => {
    const files = filesOf(join('formats', 'two-databases'));
    const refused = run('import', ...files);
    assert.equal(refused.code, 2);
    assert.equal(refused.stdout, '');
    assert.equal(refused.stderr.trim().split('\n').length, 1);
    assert.match(refused.stderr, /several channel databases .* --channel CHANNEL=DATABASE/);
    assert.match(refused.stderr, /"StoreDB-North", "StoreDB-South"/);
    assert.match(refused.stderr, /channels "Store42" and "Store17" are on/);
    const settled = run('import', ...files, '--channel', 'Store42=StoreDB-North', '--channel', 'Store17=StoreDB-South');
    assert.equal(settled.code, 0, settled.stderr);
    assert.match(settled.stdout, /\{"id":"Store42","kind":"store","channelDatabase":"StoreDB-North"/);
    assert.match(settled.stdout, /\{"id":"Store17","kind":"store","channelDatabase":"StoreDB-South"/);
  });

  it('bad options: exit 2 with what is expected', () => {
    const files = filesOf('acd006-failed-operation');
    assert.match(run('import', ...files, '--date-order', 'xyz').stderr, /"xyz" is not a date order; expected mdy, dmy or ymd/);
    assert.match(run('import', ...files, '--time-zone', 'Stockholm').stderr, /"Stockholm" is not a UTC offset/);
    assert.match(run('import', ...files, '--channel', 'Store42').stderr, /"Store42" is not CHANNEL=DATABASE/);
    assert.match(run('import', ...files, '--bogus').stderr, /Unknown option '--bogus'/);
    assert.equal(run('import').code, 2);
    assert.ok(!existsSync(join(repoRoot, 'out.asyncscenario.json')));
  });

  it('reads the SQL pack\'s result as sqlcmd saves it: staged rows become pending operations after every dated row (ACD005)', () => {
    const out = join(dir, 'staged.asyncscenario.json');
    const set = join(evidence, 'acd005-batch-not-run');
    const imported = run('import', join(evidence, 'sql-pack', 'staged-customers-not-completed.csv'), join(set, 'batch-job-history.csv'), join(set, 'download-sessions.csv'), '-o', out);
    assert.equal(imported.code, 0, imported.stderr);
    // The dashes under the headers and "(3 rows affected)" are sqlcmd's, not unreadable rows.
    assert.doesNotMatch(imported.stderr, /warning/);
    const text = readFileSync(out, 'utf8');
    const scenario = parseJsonc(text) as { timeline: Record<string, unknown>[] };
    const observed = scenario.timeline.filter((e) => 'observedOperation' in e);
    assert.deepEqual(observed, [
      { observedOperation: { channel: 'Store42', asyncCustomerAccount: 'SE42-000302', operation: 'create', status: 'pending' } },
      { observedOperation: { channel: 'Store42', asyncCustomerAccount: 'SE42-000303', operation: 'create', status: 'pending' } },
      { observedOperation: { channel: 'Store42', asyncCustomerAccount: 'SE42-000303', operation: 'update', status: 'pending' } },
    ]);
    assert.deepEqual(scenario.timeline.slice(-3), observed);
    assert.match(text, /\/\/ staged-customers-not-completed\.csv:3: RETAILASYNCCUSTOMERV2 ONLINEOPERATIONCOMPLETED = 0, OPERATION create/);
    const diagnosed = run('diagnose', out);
    assert.match(diagnosed.stdout, /warning ACD005: 3 customer operations from Store42/);
  });

  it('--time-zone moves dates written without an offset', () => {
    const utc = parseJsonc(run('import', ...filesOf('acd006-failed-operation')).stdout) as { start: string };
    const cet = parseJsonc(run('import', ...filesOf('acd006-failed-operation'), '--time-zone', '+01:00').stdout) as { start: string };
    assert.equal(Date.parse(utc.start) - Date.parse(cet.start), 3_600_000);
  });

  it('--mapping reads headers of a personalised export', () => {
    const without = run('import', join(evidence, 'formats', 'custom-headers.csv'));
    assert.equal(without.code, 2);
    const withMapping = run('import', join(evidence, 'formats', 'custom-headers.csv'), '--mapping', join(evidence, 'formats', 'mapping.json'));
    assert.equal(withMapping.code, 0, withMapping.stderr);
    assert.match(withMapping.stdout, /"runJob":"1010"/);
  });
});
