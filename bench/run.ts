// npm run bench: every performance figure with its baseline from the same run, as one table.
// Each measurement runs in a fresh process so timings and peak memory are its own.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const out = (file: string) => join(root, 'out', 'bench', file);

interface Row {
  readonly measure: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
}

const rows: Row[] = [];

function child(script: string, ...args: string[]): Record<string, number> {
  const output = execFileSync(process.execPath, ['--max-old-space-size=4096', out(script), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output.trim().split('\n').pop()!) as Record<string, number>;
}

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${(value / baseline).toFixed(2)}×` : 'n/a';
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

function add(measure: string, value: string, baseline: string, ratioText: string, target: string): void {
  rows.push({ measure, value, baseline, ratio: ratioText, target });
  process.stderr.write(`  ${measure}: ${value} (baseline ${baseline})\n`);
}

function samples(): void {
  const dir = join(root, 'samples');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.asyncscenario.json')).sort()) {
    const path = join(dir, file);
    const sqljs = child('samples.js', 'sqljs', path);
    const native = child('samples.js', 'native', path);
    const name = file.replace('.asyncscenario.json', '');
    add(`first diagnosis: ${name}`, ms(sqljs.firstMs), `${ms(native.firstMs)} native`, ratio(sqljs.firstMs, native.firstMs), `< 250 ms: ${verdict(sqljs.firstMs < 250)}`);
    add(`re-diagnosis after 1-char edit: ${name}`, ms(sqljs.againMs), `${ms(native.againMs)} native`, ratio(sqljs.againMs, native.againMs), `< 50 ms: ${verdict(sqljs.againMs < 50)}`);
  }
}

function scale(): void {
  const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
  const results: Record<string, number>[] = [];
  for (const count of sizes) {
    const sqljs = child('scale.js', 'sqljs', String(count));
    const native = child('scale.js', 'native', String(count));
    results.push(sqljs);
    const k = count >= 1_000_000 ? `${count / 1_000_000}M` : `${count / 1000}k`;
    add(`replay ${k} customers`, ms(sqljs.replayMs), `${ms(native.replayMs)} native`, ratio(sqljs.replayMs, native.replayMs), `≤ 2.5× native: ${verdict(sqljs.replayMs <= 2.5 * native.replayMs)}`);
    add(`diagnosis ${k} customers`, ms(sqljs.diagnosisMs), `${ms(native.diagnosisMs)} native`, ratio(sqljs.diagnosisMs, native.diagnosisMs), `≤ 2× native: ${verdict(sqljs.diagnosisMs <= 2 * native.diagnosisMs)}`);
    add(
      `peak memory ${k} customers`,
      `${sqljs.peakMb} MB`,
      `${native.peakMb} MB native`,
      ratio(sqljs.peakMb, native.peakMb),
      count >= 1_000_000 ? `< 500 MB: ${verdict(sqljs.peakMb < 500)}` : '',
    );
  }
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1], results[i]];
    const growth = b.count / a.count;
    add(
      `growth ${a.count}→${b.count} (×${growth})`,
      `replay ×${(b.replayMs / a.replayMs).toFixed(1)}, diagnosis ×${(b.diagnosisMs / a.diagnosisMs).toFixed(1)}`,
      `×${growth} linear`,
      `${(b.replayMs / a.replayMs / growth).toFixed(2)} of linear`,
      `no faster than linear: ${verdict(b.replayMs / a.replayMs <= growth * 1.25 && b.diagnosisMs / a.diagnosisMs <= growth * 1.25)}`,
    );
  }
}

function responsiveness(): void {
  const count = process.env.BENCH_TYPING_SIZE ?? '1000000';
  const worker = child('responsive.js', 'worker', count);
  const inProcess = child('responsive.js', 'inprocess', String(Math.min(Number(count), 100000)));
  add(
    `longest block of the editor thread: 10 edits, then 5 s of replay (${Number(count) / 1000}k customers)`,
    ms(worker.longestBlockMs),
    `${ms(inProcess.longestBlockMs)} on the editor thread (${Math.min(Number(count), 100000) / 1000}k)`,
    ratio(worker.longestBlockMs, inProcess.longestBlockMs),
    `≤ 50 ms: ${verdict(worker.longestBlockMs <= 50)}`,
  );
}

function packageSize(): void {
  try {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const detail = String((error as { stdout?: Buffer }).stdout ?? '') + String((error as { stderr?: Buffer }).stderr ?? '');
    add('package (.vsix)', 'not built', detail.split('\n').find((l) => /ERROR/.test(l))?.trim() ?? 'npm run package failed', '', '< 1.5 MB: NOT met');
    return;
  }
  const vsix = readdirSync(root).find((f) => f.endsWith('.vsix'));
  const extension = statSync(join(root, 'dist', 'extension.js')).size;
  const vsixSize = vsix ? statSync(join(root, vsix)).size : 0;
  const wasm = statSync(join(root, 'dist', 'sql-wasm.wasm')).size;
  add('package (.vsix)', `${(vsixSize / 1048576).toFixed(2)} MB`, `sql-wasm.wasm alone ${(wasm / 1048576).toFixed(2)} MB`, ratio(vsixSize, wasm), `< 1.5 MB: ${verdict(vsixSize > 0 && vsixSize < 1.5 * 1048576)}`);
  add('dist/extension.js (minified)', `${(extension / 1024).toFixed(0)} KB`, '', '', `< 300 KB: ${verdict(extension < 300 * 1024)}`);
}

function activation(): void {
  const report = join(root, 'test-results', 'activation.json');
  try {
    // The production bundle, as users get it.
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'ignore' });
    execFileSync(process.execPath, [join(root, 'bench', 'activation.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    add('activation (median, real VS Code)', 'not measured', String(error).split('\n')[0], '', '< 20 ms');
    return;
  }
  const { extensionMs, emptyMs, insideActivateMs, runs } = JSON.parse(readFileSync(report, 'utf8')) as { extensionMs: number; emptyMs: number; insideActivateMs: number; runs: number };
  add(`activation (median of ${runs}, VS Code 1.100.3)`, ms(extensionMs), `${ms(emptyMs)} empty extension`, ratio(extensionMs, emptyMs), `< 20 ms: ${verdict(extensionMs < 20)}`);
  add('  of which activate() itself', ms(insideActivateMs), '', '', '');
}

function main(): void {
  const started = Date.now();
  process.stderr.write('Measuring (each in a fresh process)...\n');
  activation();
  samples();
  scale();
  responsiveness();
  packageSize();
  const widths = ['measure', 'value', 'baseline', 'ratio', 'target'].map((key) =>
    Math.max(key.length, ...rows.map((r) => String(r[key as keyof Row]).length)),
  );
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(['measure', 'value', 'baseline', 'ratio', 'target']));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) {
    console.log(line([row.measure, row.value, row.baseline, row.ratio, row.target]));
  }
  console.log(`\n${process.arch}, ${cpus().length} cores, Node ${process.version}; ${((Date.now() - started) / 1000).toFixed(0)} s in all.`);
}

main();
