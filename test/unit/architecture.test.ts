// The shape the code keeps: rules read the simulation only through the read model, the
// simulation's database is reachable only inside src/sim/, and no source file grows past 500 lines.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './helpers';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const source = filesUnder(join(repoRoot, 'src'));
const rel = (path: string) => relative(repoRoot, path).split('\\').join('/');

describe('the shape of the code', () => {
  it('keeps SQL and raw queries out of the rules', () => {
    const rules = source.filter((f) => rel(f).startsWith('src/diagnose/rules/'));
    assert.ok(rules.length >= 10);
    for (const file of rules) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /\b(SELECT|INSERT|UPDATE|FROM)\b/, `${rel(file)} contains SQL`);
      assert.doesNotMatch(text, /\.(one|all|query|run)\(/, `${rel(file)} calls a raw query method`);
    }
  });

  it('reaches the simulation database only inside src/sim/ (and the test-only accessor)', () => {
    const outside = [...source.filter((f) => !rel(f).startsWith('src/sim/')), ...filesUnder(join(repoRoot, 'test')), ...filesUnder(join(repoRoot, 'bench'))];
    for (const file of outside) {
      if (rel(file) === 'test/unit/rawTables.ts') {
        continue;
      }
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /from '[^']*sim\/(internal|database|context)'/, `${rel(file)} imports the simulation's internals`);
    }
  });

  it('gives every rule its own file, named after what it detects', () => {
    const engine = readFileSync(join(repoRoot, 'src/diagnose/engine.ts'), 'utf8');
    const imported = [...engine.matchAll(/import \{ (\w+) \} from '\.\/rules\/(\w+)'/g)];
    assert.ok(imported.length >= 10);
    for (const [, name, file] of imported) {
      assert.equal(name, file, `rule ${name} lives in rules/${file}.ts`);
    }
  });

  it('keeps every source file under 500 lines', () => {
    for (const file of source) {
      const lines = readFileSync(file, 'utf8').split('\n').length;
      assert.ok(lines <= 500, `${rel(file)} has ${lines} lines`);
    }
  });
});
