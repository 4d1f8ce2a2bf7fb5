// Inputs that once crashed the engine, kept so they never do again.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertWellFormed } from './properties.test';
import { diagnose, repoRoot } from './helpers';

describe('inputs that once crashed', () => {
  const dir = join(repoRoot, 'test', 'fixtures');
  for (const file of readdirSync(dir).filter((f) => f.startsWith('crash-'))) {
    it(`analyzes ${file} with findings instead of throwing`, async () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const analysis = await diagnose(text);
      assert.ok(analysis.findings.length > 0);
      assertWellFormed(text, analysis);
    });
  }
});
