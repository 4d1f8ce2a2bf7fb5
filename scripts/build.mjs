// Bundles the extension and the command line with esbuild and ships sql.js's wasm
// beside them, so the extension finds it from its own folder after install.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// VS Code's API object is used as it is. For `import * as vscode from 'vscode'` esbuild's ESM
// interop copies the object's few hundred properties into a new one, once per importing module:
// about half a millisecond each in the extension host, at activation and again for every module
// the workbench loads. The bundles read the object require('vscode') returns instead; nothing in
// src/ uses the namespace for anything but its properties.
const NAMESPACE_IMPORT = "import * as vscode from 'vscode';";
const vscodeAsIs = {
  name: 'vscode-as-is',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]vscode[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return source.includes(NAMESPACE_IMPORT) ? { contents: source.replaceAll(NAMESPACE_IMPORT, "import vscode = require('vscode');"), loader: 'ts' } : undefined;
    });
  },
};

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
  plugins: [vscodeAsIs],
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
  { entryPoints: [join(root, 'src/vscode/extension.ts')], outfile: join(root, 'dist/extension.js'), plugins: [loadedOnFirstUse, vscodeAsIs] },
  { entryPoints: [join(root, 'src/vscode/workbench.ts')], outfile: join(root, 'dist/workbench.js'), plugins: [loadedOnFirstUse, vscodeAsIs] },
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
