// What the command line answers for a file that is not a scenario, as the README promises it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers';

const NOT_JSON = 'Not a scenario: the file is empty or not JSON; a scenario is a JSON object with at least one of "features", "channels", "timeline". Nothing was simulated.';

describe('command line: a file that is not a scenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acd-not-json-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function diagnoseText(name: string, text: string, ...args: string[]) {
    const file = join(dir, name);
    writeFileSync(file, text);
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'diagnose', file, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    return { file, status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
  }

  for (const [what, text] of [
    ['an empty file', ''],
    ['a file of blank lines', '  \n\n'],
    ['a file that is not JSON at all', 'hello world'],
  ] as const) {
    it(`${what}: one "not a scenario" line on stderr, nothing on stdout, exit 2`, () => {
      const { file, status, stdout, stderr } = diagnoseText('input.asyncscenario.json', text);
      assert.equal(status, 2);
      assert.equal(stderr, `${file}:1:1: ${NOT_JSON}`);
      assert.equal(stdout, '');
    });
  }

  it('says it in Swedish with --locale sv', () => {
    const { file, status, stderr } = diagnoseText('hello.asyncscenario.json', 'hello world', '--locale', 'sv');
    assert.equal(status, 2);
    assert.equal(stderr, `${file}:1:1: Inte ett scenario: filen är tom eller inte JSON; ett scenario är ett JSON-objekt med minst en av "features", "channels", "timeline". Inget simulerades.`);
  });

  it('JSON that is not an object: one line naming what it is, exit 2', () => {
    const { file, status, stdout, stderr } = diagnoseText('array.asyncscenario.json', '[1, 2');
    assert.equal(status, 2);
    assert.equal(stderr, `${file}:1:1: 'scenario' must be an object, not array.`);
    assert.equal(stdout, '');
  });

  it('a JSON object with none of the scenario keys: one line, exit 2', () => {
    const { file, status, stdout, stderr } = diagnoseText('package.asyncscenario.json', '{ "name": "my-app", "version": "1.0.0" }');
    assert.equal(status, 2);
    assert.equal(stderr, `${file}:1:1: Not a scenario: expected at least one of "features", "channels", "timeline". Nothing was simulated.`);
    assert.equal(stdout, '');
  });

  it('a scenario with a syntax error: an ACD100 finding on stdout where the error is, the rest still diagnosed, exit 1', () => {
    const { file, status, stdout, stderr } = diagnoseText('syntax.asyncscenario.json', '{ "features": { "CustomerOrderPerformance": true } "timeline": [] }');
    assert.equal(status, 1);
    assert.equal(stderr, '');
    assert.deepEqual(stdout.split('\n'), [`${file}:1:52: error ACD100: JSON syntax error: comma expected.`]);
  });
});
