import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChangedOnDisk, writeFileAtomically } from '../../src/io/atomicWrite';
import { repoRoot } from './helpers';

describe('writing files without losing anything', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'acd-write-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file and leaves no temporary file behind', async () => {
    const path = join(dir, 'report.md');
    writeFileSync(path, 'old');
    await writeFileAtomically(path, 'new');
    assert.equal(readFileSync(path, 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir), ['report.md']);
  });

  it('refuses to overwrite a file that changed since it was read', async () => {
    const path = join(dir, 'scenario.asyncscenario.json');
    writeFileSync(path, 'mine');
    const readAt = statSync(path).mtimeMs;
    writeFileSync(path, 'someone else');
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later);
    await assert.rejects(writeFileAtomically(path, 'overwrite', { expectedMtimeMs: readAt }), ChangedOnDisk);
    assert.equal(readFileSync(path, 'utf8'), 'someone else');
  });

  it('keeps the old file intact when the writing process is killed midway', async () => {
    const path = join(dir, 'report.md');
    writeFileSync(path, 'the old report');
    const module = join(repoRoot, 'out', 'src', 'io', 'atomicWrite.js');
    const child = spawn(process.execPath, [
      '-e',
      `require(${JSON.stringify(module)}).writeFileAtomically(${JSON.stringify(path)}, 'x'.repeat(400 * 1024 * 1024)); setInterval(() => {}, 1000);`,
    ]);
    // Kill it while the temporary file is being written.
    for (let i = 0; i < 200 && !readdirSync(dir).some((f) => f.endsWith('.tmp')); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    assert.equal(readFileSync(path, 'utf8'), 'the old report');
  });
});
