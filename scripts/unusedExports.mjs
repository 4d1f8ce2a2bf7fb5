// Reports exports under src/ that no other file uses: the compiler's noUnusedLocals stops at
// the module boundary, and an export nobody imports is dead code (or should not be exported).
// Every identifier of the project (src, test, bench) is resolved through its imports to the
// declaration it names; a use counts when it is in another file than the declaration.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Exports a host uses by name, not an import: VS Code calls the extension's activate/deactivate. */
const ENTRY_POINTS = new Map([
  ['src/vscode/extension.ts', new Set(['activate', 'deactivate'])],
  ['src/cli.ts', new Set(['main'])],
]);

const configPath = join(root, 'tsconfig.json');
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
if (!config) {
  console.error('unusedExports: cannot read tsconfig.json');
  process.exit(2);
}
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const checker = program.getTypeChecker();
const projectFiles = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !relative(root, f.fileName).startsWith('node_modules'));

const used = new Set();
/** Types named by other declarations of their own file: part of that file's public signatures. */
const usedInOwnFile = new Set();
for (const file of projectFiles) {
  const visit = (node) => {
    if (ts.isIdentifier(node)) {
      let symbol = checker.getSymbolAtLocation(node);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
        symbol = checker.getAliasedSymbol(symbol);
      }
      if (symbol?.declarations?.some((d) => d.getSourceFile() !== file)) {
        used.add(symbol);
      } else if (symbol && !symbol.declarations?.some((d) => d.name === node)) {
        usedInOwnFile.add(symbol);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

const unused = [];
for (const file of projectFiles) {
  const path = relative(root, file.fileName).split('\\').join('/');
  const moduleSymbol = checker.getSymbolAtLocation(file);
  if (!path.startsWith('src/') || !moduleSymbol) continue;
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    // Re-exports (`export { x } from`) are judged where x is declared.
    if (symbol.flags & ts.SymbolFlags.Alias || used.has(symbol) || ENTRY_POINTS.get(path)?.has(symbol.name)) continue;
    const isType = (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) !== 0;
    if (isType && usedInOwnFile.has(symbol)) continue;
    const declaration = symbol.declarations?.[0];
    if (!declaration || declaration.getSourceFile() !== file) continue;
    const { line, character } = file.getLineAndCharacterOfPosition(declaration.getStart());
    unused.push(`${path}:${line + 1}:${character + 1}  '${symbol.name}' is exported but no other file uses it`);
  }
}

for (const line of unused) console.log(line);
if (unused.length > 0) {
  console.log(`\n${unused.length} unused export${unused.length === 1 ? '' : 's'}: remove them, or drop the export keyword.`);
  process.exit(1);
}
