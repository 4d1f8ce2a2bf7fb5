// Bundles the extension and the command line with esbuild and ships sql.js's wasm
// beside them, so the extension finds it from its own folder after install.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  external: ['vscode'],
};

// Modules loaded on first use are bundles of their own: extension.ts loads the workbench when a
// scenario is in sight, the workbench loads the command handlers on the first command. Their
// require('./workbench') and require('./commands') stay requires of dist/workbench.js and
// dist/commands.js.
const loadedOnFirstUse = {
  name: 'loaded-on-first-use',
  setup(build) {
    const bundles = [
      { importer: join('src', 'vscode', 'extension.ts'), path: './workbench', bundle: './workbench.js' },
      { importer: join('src', 'vscode', 'workbench.ts'), path: './commands', bundle: './commands.js' },
    ];
    build.onResolve({ filter: /^\.\/(workbench|commands)$/ }, (args) => {
      const lazy = bundles.find((b) => b.path === args.path && args.importer.endsWith(b.importer));
      return lazy ? { path: lazy.bundle, external: true } : undefined;
    });
  },
};

const entries = [
  { entryPoints: [join(root, 'src/vscode/extension.ts')], outfile: join(root, 'dist/extension.js'), plugins: [loadedOnFirstUse] },
  { entryPoints: [join(root, 'src/vscode/workbench.ts')], outfile: join(root, 'dist/workbench.js'), plugins: [loadedOnFirstUse] },
  { entryPoints: [join(root, 'src/vscode/commands/index.ts')], outfile: join(root, 'dist/commands.js') },
  { entryPoints: [join(root, 'src/cli.ts')], outfile: join(root, 'dist/cli.js') },
  // The worker thread that owns the simulation (src/engine/client.ts starts it).
  { entryPoints: [join(root, 'src/engine/worker.ts')], outfile: join(root, 'dist/engineWorker.js') },
];

mkdirSync(join(root, 'dist'), { recursive: true });
copyFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'), join(root, 'dist/sql-wasm.wasm'));

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
