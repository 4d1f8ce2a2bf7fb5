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

// extension.ts loads the command handlers on the first command: they are a bundle of their
// own, and its require('./commands') stays a require of dist/commands.js.
const commandsOnFirstUse = {
  name: 'commands-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands$/ }, (args) =>
      args.importer.endsWith(join('src', 'vscode', 'extension.ts')) ? { path: './commands.js', external: true } : undefined,
    );
  },
};

const entries = [
  { entryPoints: [join(root, 'src/vscode/extension.ts')], outfile: join(root, 'dist/extension.js'), plugins: [commandsOnFirstUse] },
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
