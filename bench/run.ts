// npm run bench: every performance figure with its baseline from the same run, as one table,
// also written to bench-results.json. Each measurement runs in a fresh process so timings and
// peak memory are its own.
//   npm run bench              everything: activation, samples, 10k/100k/1M, typing, runaway SQL, package
//   npm run bench -- --quick   samples, 10k and 100k, 100k with three schedules, incremental re-diagnosis, runaway SQL
// Targets are those of issue 15 ("Interactive at a million customers").
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const out = (file: string) => join(root, 'out', 'bench', file);
const quick = process.argv.includes('--quick');

/** One row, in the table and in bench-results.json. Numbers are in `unit`; ratio is value / baseline. */
interface Row {
  readonly measure: string;
  readonly value: number | null;
  readonly unit: string;
  readonly baseline: number | null;
  /** What the baseline is ("native", "empty extension", ...). */
  readonly baselineOf: string;
  readonly ratio: number | null;
  readonly target: string;
  /** Undefined when the row has no target. */
  readonly met: boolean | null;
  /** The value as the table shows it, when a number alone does not say it. */
  readonly text?: string;
}

const rows: Row[] = [];

function child(script: string, ...args: string[]): Record<string, number> {
  const output = execFileSync(process.execPath, ['--max-old-space-size=4096', out(script), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output.trim().split('\n').pop()!) as Record<string, number>;
}

function show(value: number | null, unit: string): string {
  if (value === null) {
    return '';
  }
  if (unit === 'ms') {
    return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  }
  if (unit === 'MB') {
    return `${value.toFixed(value < 10 ? 2 : 0)} MB`;
  }
  return `${value} ${unit}`.trim();
}

function add(row: Omit<Row, 'ratio'> & { ratio?: number | null }): void {
  const ratio = row.ratio !== undefined ? row.ratio : row.value !== null && row.baseline ? row.value / row.baseline : null;
  rows.push({ ...row, ratio });
  process.stderr.write(`  ${row.measure}: ${row.text ?? show(row.value, row.unit)} (baseline ${show(row.baseline, row.unit)} ${row.baselineOf})\n`);
}

/** At most `factor` times the baseline. */
function timesBaseline(measure: string, value: number, baseline: number, baselineOf: string, factor: number, unit = 'ms'): void {
  add({ measure, value, unit, baseline, baselineOf, target: `≤ ${factor}× ${baselineOf}`, met: value <= factor * baseline });
}

function samples(): void {
  const dir = join(root, 'samples');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.asyncscenario.json')).sort()) {
    const path = join(dir, file);
    const sqljs = child('samples.js', 'sqljs', path);
    const native = child('samples.js', 'native', path);
    const name = file.replace('.asyncscenario.json', '');
    timesBaseline(`first diagnosis: ${name}`, sqljs.firstMs, native.firstMs, 'native', 2.5);
    timesBaseline(`re-diagnosis after 1-char edit: ${name}`, sqljs.againMs, native.againMs, 'native', 3);
  }
}

function label(count: number): string {
  return count >= 1_000_000 ? `${count / 1_000_000}M` : `${count / 1000}k`;
}

function scale(sizes: readonly number[]): void {
  const results: Record<string, number>[] = [];
  for (const count of sizes) {
    const sqljs = child('scale.js', 'sqljs', String(count));
    const native = child('scale.js', 'native', String(count));
    results.push(sqljs);
    const k = label(count);
    timesBaseline(`replay ${k} customers`, sqljs.replayMs, native.replayMs, 'native', 2);
    timesBaseline(`diagnosis ${k} customers`, sqljs.diagnosisMs, native.diagnosisMs, 'native', 2);
    const oneMillion = count >= 1_000_000;
    add({
      measure: `peak memory ${k} customers`,
      value: sqljs.peakMb,
      unit: 'MB',
      baseline: native.peakMb,
      baselineOf: 'native',
      target: oneMillion ? '≤ 1.2 GB' : '',
      met: oneMillion ? sqljs.peakMb <= 1.2 * 1024 : null,
    });
  }
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1], results[i]];
    const growth = b.count / a.count;
    const replayGrowth = b.replayMs / a.replayMs;
    const diagnosisGrowth = b.diagnosisMs / a.diagnosisMs;
    add({
      measure: `growth ${a.count}→${b.count} (×${growth})`,
      value: Number(replayGrowth.toFixed(2)),
      unit: '×',
      baseline: growth,
      baselineOf: 'linear',
      target: 'no faster than linear (replay and diagnosis ≤ 1.25× linear)',
      met: replayGrowth <= growth * 1.25 && diagnosisGrowth <= growth * 1.25,
      text: `replay ×${replayGrowth.toFixed(1)}, diagnosis ×${diagnosisGrowth.toFixed(1)}`,
    });
  }
}

/** Replay with three schedules firing over nine hours against the same work run by hand (issue 12). */
function schedules(count: number): void {
  // The better of two runs each: a single replay of this size varies by more than the margin.
  // --quick takes one of each, to stay under a minute.
  const runs = quick ? [0] : [0, 1];
  const best = (mode: string) => Math.min(...runs.map(() => child('schedules.js', mode, String(count)).replayMs));
  timesBaseline(`replay ${label(count)} customers with three schedules`, best('with'), best('without'), 'the same without schedules', 1.2);
}

/**
 * Re-diagnosis after an edit in the last timeline entry, once incremental replay exists:
 * out/bench/incremental.js COUNT prints { incrementalMs, fullMs } (the edit re-diagnosed from a
 * checkpoint, and the same edit with a full replay).
 */
function incremental(sizes: readonly number[]): void {
  if (!existsSync(out('incremental.js'))) {
    process.stderr.write('  incremental re-diagnosis: not measured (no bench/incremental.ts yet)\n');
    return;
  }
  for (const count of sizes) {
    const result = child('incremental.js', String(count));
    const limitMs = count >= 1_000_000 ? 1000 : 300;
    add({
      measure: `re-diagnosis after an edit in the last entry: ${label(count)} customers`,
      value: result.incrementalMs,
      unit: 'ms',
      baseline: result.fullMs,
      baselineOf: 'full replay',
      target: `< ${show(limitMs, 'ms')}`,
      met: result.incrementalMs < limitMs,
    });
  }
}

function runaway(budgetMs: number): void {
  const result = child('runaway.js', String(budgetMs)) as Record<string, number> & { code: string; nextOk: boolean };
  add({
    measure: `runaway SQL statement answered (budget ${show(budgetMs, 'ms')}), then the next analysis`,
    value: result.answeredMs,
    unit: 'ms',
    baseline: budgetMs,
    baselineOf: 'time budget',
    target: '≤ budget + 1 s, next analysis runs normally',
    met: result.code === 'timeout' && result.answeredMs <= budgetMs + 1000 && result.nextOk,
    text: `${show(result.answeredMs, 'ms')} (${result.code}); next analysis ${result.nextOk ? 'OK' : 'FAILED'} in ${show(result.nextMs, 'ms')}`,
  });
}

function responsiveness(): void {
  const count = process.env.BENCH_TYPING_SIZE ?? '1000000';
  const worker = child('responsive.js', 'worker', count);
  const inProcessCount = Math.min(Number(count), 100000);
  const inProcess = child('responsive.js', 'inprocess', String(inProcessCount));
  add({
    measure: `longest block of the editor thread: 10 edits, then 5 s of replay (${Number(count) / 1000}k customers)`,
    value: worker.longestBlockMs,
    unit: 'ms',
    baseline: inProcess.longestBlockMs,
    baselineOf: `on the editor thread (${inProcessCount / 1000}k)`,
    target: '≤ 50 ms',
    met: worker.longestBlockMs <= 50,
  });
}

function packageSize(): void {
  try {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const detail = String((error as { stdout?: Buffer }).stdout ?? '') + String((error as { stderr?: Buffer }).stderr ?? '');
    const reason = detail.split('\n').find((l) => /ERROR/.test(l))?.trim() ?? 'npm run package failed';
    add({ measure: 'package (.vsix)', value: null, unit: 'MB', baseline: null, baselineOf: reason, target: '< 1.5 MB', met: false, text: 'not built' });
    return;
  }
  const vsix = readdirSync(root).find((f) => f.endsWith('.vsix'));
  const extension = statSync(join(root, 'dist', 'extension.js')).size;
  const vsixMb = vsix ? statSync(join(root, vsix)).size / 1048576 : 0;
  const wasmMb = statSync(join(root, 'dist', 'sql-wasm.wasm')).size / 1048576;
  add({ measure: 'package (.vsix)', value: vsixMb, unit: 'MB', baseline: wasmMb, baselineOf: 'sql-wasm.wasm alone', target: '< 1.5 MB', met: vsixMb > 0 && vsixMb < 1.5 });
  add({ measure: 'dist/extension.js (minified)', value: Math.round(extension / 1024), unit: 'KB', baseline: null, baselineOf: '', target: '< 300 KB', met: extension < 300 * 1024 });
}

function activation(): void {
  const report = join(root, 'test-results', 'activation.json');
  try {
    // The production bundle, as users get it.
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'ignore' });
    execFileSync(process.execPath, [join(root, 'bench', 'activation.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    add({ measure: 'activation (median, real VS Code)', value: null, unit: 'ms', baseline: null, baselineOf: String(error).split('\n')[0], target: '≤ 1.5× empty extension', met: false, text: 'not measured' });
    return;
  }
  const { extensionMs, emptyMs, insideActivateMs, runs } = JSON.parse(readFileSync(report, 'utf8')) as { extensionMs: number; emptyMs: number; insideActivateMs: number; runs: number };
  timesBaseline(`activation (median of ${runs}, VS Code 1.100.3)`, extensionMs, emptyMs, 'empty extension', 1.5);
  add({ measure: '  of which activate() itself', value: insideActivateMs, unit: 'ms', baseline: null, baselineOf: '', target: '', met: null });
}

function printTable(): void {
  const cells = rows.map((r) => [
    r.measure,
    r.text ?? show(r.value, r.unit),
    r.baseline === null ? r.baselineOf : `${show(r.baseline, r.unit)} ${r.baselineOf}`,
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
    r.target ? `${r.target}: ${r.met ? 'met' : 'NOT met'}` : '',
  ]);
  const header = ['measure', 'value', 'baseline', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) {
    console.log(line(c));
  }
}

function main(): void {
  const started = Date.now();
  process.stderr.write(`Measuring${quick ? ' (quick)' : ''}, each in a fresh process...\n`);
  const defaultSizes = quick ? '10000,100000' : '10000,100000,1000000';
  const sizes = (process.env.BENCH_SIZES ?? defaultSizes).split(',').map(Number);
  if (!quick) {
    activation();
  }
  samples();
  scale(sizes);
  schedules(100_000);
  incremental(sizes.filter((n) => n >= 100_000));
  runaway(quick ? 2000 : 5000);
  if (!quick) {
    responsiveness();
    packageSize();
  }
  printTable();
  const seconds = (Date.now() - started) / 1000;
  const machine = `${process.arch}, ${cpus().length} cores, Node ${process.version}`;
  console.log(`\n${machine}; ${seconds.toFixed(0)} s in all.`);
  const results = rows.map(({ measure, value, unit, baseline, baselineOf, ratio, target, met }) => ({ measure, value, unit, baseline, baselineOf, ratio, target, met }));
  writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify({ mode: quick ? 'quick' : 'full', machine, seconds, rows: results }, null, 2)}\n`);
}

main();
