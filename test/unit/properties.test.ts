// Bad input never crashes: mutated samples always give findings with valid ranges, and fixes
// that stay inside the document. FUZZ_RUNS sets the number of cases (npm run fuzz: 10,000+).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { SqlJsStatic } from 'sql.js';
import type { Analysis } from '../../src/diagnose/engine';
import { analyze } from '../../src/diagnose/engine';
import { LineIndex, applyEdits } from '../../src/domain/text';
import { loadSql, repoRoot } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const samples = readdirSync(join(repoRoot, 'samples'))
  .filter((f) => f.endsWith('.asyncscenario.json'))
  .map((f) => readFileSync(join(repoRoot, 'samples', f), 'utf8'));

/** Every promise a finding makes about where it is holds for this text. */
export function assertWellFormed(text: string, analysis: Analysis): void {
  const lines = new LineIndex(text);
  for (const finding of analysis.findings) {
    const { offset, length, range } = finding.location;
    assert.ok(offset >= 0 && length >= 0 && offset + length <= text.length, `${finding.ruleId} location ${offset}+${length} outside 0..${text.length}`);
    assert.deepEqual(range.start, lines.position(offset), `${finding.ruleId} range start does not match its offset`);
    assert.deepEqual(range.end, lines.position(offset + length), `${finding.ruleId} range end does not match its offset`);
    assert.ok(finding.message.length > 0);
    for (const fix of finding.fixes) {
      const sorted = [...fix.edits].sort((a, b) => a.offset - b.offset);
      sorted.forEach((edit, i) => {
        assert.ok(edit.offset >= 0 && edit.offset + edit.length <= text.length, `${finding.ruleId} fix edit outside the document`);
        if (i > 0) assert.ok(sorted[i - 1].offset + sorted[i - 1].length <= edit.offset, `${finding.ruleId} fix edits overlap`);
      });
    }
  }
}

/** Runs a property; under npm run fuzz prints the cases tried and the failures. */
function checkAndReport<T>(name: string, property: fc.IPropertyWithHooks<T>, numRuns: number): void {
  const details = fc.check(property, { numRuns });
  if (process.env.FUZZ_RUNS) {
    console.log(`      ${name}: ${details.numRuns} cases tried, ${details.failed ? 1 : 0} failures`);
  }
  if (details.failed) {
    throw new Error(fc.defaultReportMessage(details) ?? 'property failed');
  }
}

/** Ways a person or a tool could damage a scenario file. */
function mutation(): fc.Arbitrary<(text: string) => string> {
  const at = fc.nat();
  const junk = fc.oneof(
    fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '//', '/*', '\\', 'null', 'true', '-1e309', '1e308', '0.0000001', '"\uD800"', '"😀"', 'NaN', '\u0000', '\r\n', '\uFEFF'),
    fc.string({ maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.integer().map(String),
    fc.double({ noNaN: false }).map((d) => String(d)),
  );
  return fc.oneof(
    // delete a slice
    fc.tuple(at, fc.nat({ max: 40 })).map(([p, n]) => (t: string) => t.slice(0, p % (t.length + 1)) + t.slice((p % (t.length + 1)) + n)),
    // insert junk
    fc.tuple(at, junk).map(([p, s]) => (t: string) => t.slice(0, p % (t.length + 1)) + s + t.slice(p % (t.length + 1))),
    // duplicate a slice
    fc.tuple(at, fc.nat({ max: 60 })).map(([p, n]) => (t: string) => {
      const i = p % (t.length + 1);
      return t.slice(0, i) + t.slice(i, i + n) + t.slice(i);
    }),
    // swap two lines
    fc.tuple(at, at).map(([a, b]) => (t: string) => {
      const lines = t.split('\n');
      const i = a % lines.length;
      const j = b % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }),
    // truncate
    at.map((p) => (t: string) => t.slice(0, p % (t.length + 1))),
    // replace a value with one of another type
    fc.tuple(fc.constantFrom('true', 'false', '"Store42"', '"1110"', '"PT10M"', '"2026-11-01T09:00:00Z"'), fc.constantFrom('42', '[]', '{}', 'null', '"x"', 'false', '-0', '9007199254740993'))
      .map(([from, to]) => (t: string) => t.replace(from, to)),
    // CRLF line endings
    fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
  );
}

describe('bad input never crashes (property tests)', () => {
  let sql: SqlJsStatic;

  before(async () => {
    sql = await loadSql();
  });

  it(`returns well-formed findings for mutated samples (${RUNS} cases)`, () => {
    checkAndReport(
      'mutated samples',
      fc.property(fc.constantFrom(...samples), fc.array(mutation(), { minLength: 1, maxLength: 4 }), (text, mutations) => {
        const mutated = mutations.reduce((t, m) => m(t), text);
        const analysis = analyze(sql, mutated);
        assertWellFormed(mutated, analysis);
        // A fix applied to damaged text still leaves something the engine can read without throwing.
        const fix = analysis.findings.find((f) => f.fixes.length > 0)?.fixes[0];
        if (fix) {
          const fixed = applyEdits(mutated, fix.edits);
          assertWellFormed(fixed, analyze(sql, fixed));
        }
      }),
      RUNS,
    );
  });

  it(`accepts any JSON value in any place of the contract (${Math.ceil(RUNS / 3)} cases)`, () => {
    const anyJson = fc.jsonValue({ maxDepth: 3 });
    checkAndReport(
      'any JSON in the contract',
      fc.property(
        fc.record({ features: anyJson, channels: anyJson, timeline: fc.oneof(anyJson, fc.array(fc.dictionary(fc.constantFrom('at', 'runJob', 'createCustomer', 'advance', 'resync', 'generateCustomers', 'x'), anyJson))) }),
        (doc) => {
          const text = JSON.stringify(doc, null, 1);
          assertWellFormed(text, analyze(sql, text));
        },
      ),
      Math.ceil(RUNS / 3),
    );
  });

  it(`accepts any JSON value in the version 2 keys (${Math.ceil(RUNS / 3)} cases)`, () => {
    const anyJson = fc.jsonValue({ maxDepth: 3 });
    const v2Action = fc.constantFrom('createCustomerOrder', 'createSale', 'issueLoyaltyCard', 'runBatch', 'runJob', 'fails', 'mode', 'channelDatabase');
    const schedule = fc.dictionary(fc.constantFrom('runJob', 'runBatch', 'channelDatabase', 'every', 'from', 'x'), fc.oneof(anyJson, fc.constantFrom('P-0001', '1010', 'SynchronizeOrders', 'PT0M', 'PT15M', '-PT5M', 'P1D', 'Default', '2026-11-01T09:00:00Z')));
    checkAndReport(
      'any JSON in the version 2 keys',
      fc.property(
        fc.record({
          commerceVersion: fc.oneof(anyJson, fc.constantFrom('10.0.21', '10.0.28', '10.0.31', '10.0.99', '10.0.100', '10.1.0')),
          channelDatabases: fc.oneof(anyJson, fc.array(fc.dictionary(fc.constantFrom('id', 'filterSharedCustomerDataTables', 'x'), fc.oneof(anyJson, fc.constant('Default'), fc.boolean())))),
          schedules: fc.oneof(anyJson, fc.array(schedule, { maxLength: 4 })),
          channels: fc.constant([{ id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: true, asyncCustomerOrders: true }]),
          timeline: fc.array(fc.dictionary(v2Action, fc.oneof(anyJson, fc.constant({ channel: 'Store42', customer: 'Ana Berg' }), fc.constantFrom('P-0001', 'SynchronizeOrders', 'Deadlock', ''))), { maxLength: 6 }),
        }),
        (doc) => {
          const text = JSON.stringify({ ...doc, timeline: [{ createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg' } }, ...doc.timeline, { advance: 'PT2H' }] }, null, 1);
          assertWellFormed(text, analyze(sql, text));
        },
      ),
      Math.ceil(RUNS / 3),
    );
  });

  it(`simulates any number of channels and channel databases (${Math.ceil(RUNS / 3)} cases)`, () => {
    // The property that would have caught 'too many attached databases' (ten or more channel databases).
    const name = (prefix: string) => fc.integer({ min: 1, max: 30 }).map((n) => `${prefix}${n}`);
    const channel = fc.record({ id: name('S'), kind: fc.constantFrom('store', 'online', 'callCenter'), channelDatabase: name('DB'), asyncCustomerCreation: fc.boolean() });
    const entry = fc.oneof(
      fc.record({ createCustomer: fc.record({ channel: name('S'), firstName: fc.constantFrom('Ana', ''), lastName: fc.constant('Berg'), offline: fc.boolean() }) }),
      fc.record({ runJob: fc.constantFrom('1010', '1070', '1110', 'P-0001'), channelDatabase: name('DB') }),
      fc.record({ runJob: fc.constantFrom('1010', '1070', '1110', 'P-0001') }),
      fc.record({ runBatch: fc.constant('SynchronizeCustomersAndChannelRequests') }),
      fc.record({ generateCustomers: fc.record({ count: fc.integer({ min: 1, max: 30 }) }) }),
      fc.record({ updateChannel: fc.record({ channel: name('S'), asyncCustomerCreation: fc.boolean() }) }),
    );
    checkAndReport(
      'channels and channel databases',
      fc.property(fc.oneof(fc.array(channel, { maxLength: 4 }), fc.array(channel, { minLength: 10, maxLength: 16 })), fc.array(entry, { maxLength: 12 }), (channels, timeline) => {
        const text = JSON.stringify({ channels, timeline }, null, 1);
        assertWellFormed(text, analyze(sql, text));
      }),
      Math.ceil(RUNS / 3),
    );
  });

  it('survives deep nesting, a 10 MB string and huge numbers', () => {
    const deep = `{"timeline": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    assertWellFormed(deep, analyze(sql, deep));
    const big = `{"name": "${'x'.repeat(10 * 1024 * 1024)}", "timeline": []}`;
    assertWellFormed(big, analyze(sql, big, { limits: { maxTextLength: 20_000_000 } }));
    const numbers = '{"channels": [{"id": "S", "asyncCustomerCreation": true}], "timeline": [{"generateCustomers": {"count": 1e308}}, {"advance": "PT99999999999999999999H"}, {"generateCustomers": {"count": -5}}]}';
    assertWellFormed(numbers, analyze(sql, numbers));
  });
});
