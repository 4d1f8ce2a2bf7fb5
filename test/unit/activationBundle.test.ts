// Activation stays cheap: the bundle VS Code loads to activate the extension holds the
// placeholders and nothing of the workbench, which loads on its own once a scenario is in sight.
// Reads the source map of the development build (npm run test:unit builds it first).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers';

function bundledSources(bundle: string): string[] {
  const map = join(repoRoot, 'dist', `${bundle}.map`);
  assert.ok(existsSync(map), `${map} is missing: run npm run build (the development build writes source maps)`);
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
  return sources.map((source) => source.replace(/^(\.\.\/)+/, ''));
}

describe('activation', () => {
  it('loads a bundle without the engine client, the scenario manager, the views, the pipeline or the command handlers', () => {
    const sources = bundledSources('extension.js');
    assert.ok(sources.includes('src/vscode/extension.ts'), `not the activation bundle: ${sources.join(', ')}`);
    const workbench = /^src\/(engine|sim|scenario|diagnose|report|evidence)\/|^src\/vscode\/(views|pipeline|commands)\/|^src\/vscode\/(workbench|scenarios|timeTravel|diagnostics|codeActions|statusBar)\.ts$|node_modules/;
    assert.deepEqual(
      sources.filter((source) => workbench.test(source)),
      [],
      'activation bundles what the workbench loads later',
    );
  });

  it('leaves the workbench to a bundle of its own, which leaves the command handlers to theirs', () => {
    const workbench = bundledSources('workbench.js');
    for (const source of ['src/vscode/workbench.ts', 'src/engine/client.ts', 'src/vscode/views/index.ts', 'src/vscode/pipeline/view.ts']) {
      assert.ok(workbench.includes(source), `dist/workbench.js does not hold ${source}`);
    }
    assert.deepEqual(
      workbench.filter((source) => source.startsWith('src/vscode/commands/')),
      [],
      'the workbench bundles the command handlers it should load on the first command',
    );
  });
});
