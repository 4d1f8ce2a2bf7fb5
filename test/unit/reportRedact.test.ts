import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'jsonc-parser';
import type { Finding } from '../../src/domain/finding';
import { supportBundle } from '../../src/report/bundle';
import { isValidEmail, redactScenario } from '../../src/report/redact';
import { diagnose, loadSql, only, repoRoot, sample, scenario } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const sampleNames = readdirSync(join(repoRoot, 'samples'))
  .filter((f) => f.endsWith('.asyncscenario.json'))
  .map((f) => f.replace(/\.asyncscenario\.json$/, ''));

/** What a user compares between two diagnoses: rule ids, severities and how many of each. */
function shape(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}/${f.severity}`).sort();
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every string under one of `keys` anywhere in the document. */
function valuesOf(doc: Json, keys: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (node: Json, key?: string) => {
    if (typeof node === 'string' && key !== undefined && keys.includes(key)) out.push(node);
    else if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(doc);
  return out;
}

const PERSONAL_KEYS = ['firstName', 'lastName', 'email', 'secondaryEmail', 'phone', 'secondaryPhone', 'street', 'zip', 'city', 'customer'];

describe('redaction', () => {
  for (const name of sampleNames) {
    it(`keeps the diagnosis of the sample ${name}: same rule ids, severities and counts, no personal value left`, async () => {
      const text = sample(name);
      const original = await diagnose(text);
      const redacted = redactScenario(text);
      const after = await diagnose(redacted.text);
      assert.deepEqual(shape(after.findings), shape(original.findings));
      const bundle = supportBundle(await loadSql(), `${name}.asyncscenario.json`, text);
      const everything = bundle.files.map((f) => f.content).join('\n');
      // Short names like "Ana" are inside ordinary words ("management"): look for whole words.
      for (const value of valuesOf(parse(text) as Json, PERSONAL_KEYS).filter((v) => v.trim() !== '' && !/^ASYNC-/i.test(v))) {
        const word = new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
        assert.doesNotMatch(everything, word, `'${value}' survived redaction of ${name}`);
      }
    });
  }

  it('keeps what the diagnosis depends on: empty stays empty, a malformed email stays malformed, a valid one valid', () => {
    const text = scenario({
      timeline: [
        { createCustomer: { channel: 'Store42', firstName: '', lastName: 'Berg', email: 'ana@@example', phone: ' ' } },
        { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'Ana.Berg@example.com', secondaryEmail: ' ana@example.com' } },
      ],
    });
    const doc = parse(redactScenario(text).text) as { timeline: { createCustomer: Record<string, string> }[] };
    const [first, second] = doc.timeline.map((e) => e.createCustomer);
    assert.equal(first.firstName, '');
    assert.equal(first.phone, ' ');
    assert.equal(isValidEmail(first.email), false);
    assert.equal(isValidEmail(second.email), true);
    assert.match(second.email, /@example\.invalid$/);
    assert.equal(second.secondaryEmail.startsWith(' '), true, 'leading space kept: it is what makes it invalid');
    assert.equal(isValidEmail(second.secondaryEmail), false);
    assert.equal(first.lastName, second.lastName, 'the same last name has the same pseudonym');
    assert.equal(first.channel, 'Store42');
  });

  it('maps a reference to the pseudonyms of the same customer, by name or by email in any case', () => {
    const text = scenario({
      timeline: [
        { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' } },
        { editCustomer: { channel: 'Store42', customer: 'Ana Berg', phone: '+46 70 123 45 67' } },
        { createAddress: { channel: 'Store42', customer: 'ANA@example.com', street: 'Storgatan 1', city: 'Umeå', countryRegion: 'SWE' } },
        { editFailedOperation: { operation: 'ana berg', set: { countryRegion: 'SWE', street: 'Storgatan 1' } } },
        { resync: 'ASYNC-000001' },
        { editCustomer: { channel: 'Store42', customer: '100001', title: 'Dr' } },
        { editCustomer: { channel: 'Store42', customer: '0701234567', title: 'Dr' } },
      ],
    });
    const doc = parse(redactScenario(text).text) as { timeline: Record<string, Record<string, string | Record<string, string>>>[] };
    const created = doc.timeline[0].createCustomer as Record<string, string>;
    assert.equal(doc.timeline[1].editCustomer.customer, `${created.firstName} ${created.lastName}`);
    assert.equal((doc.timeline[2].createAddress.customer as string).toLowerCase(), created.email);
    assert.equal((doc.timeline[3].editFailedOperation.operation as string).toLowerCase(), `${created.firstName} ${created.lastName}`.toLowerCase());
    assert.equal(doc.timeline[2].createAddress.street, (doc.timeline[3].editFailedOperation.set as Record<string, string>).street);
    assert.notEqual(doc.timeline[2].createAddress.city, 'Umeå', 'a city is personal as well');
    assert.equal(doc.timeline[2].createAddress.countryRegion, 'SWE');
    assert.deepEqual(doc.timeline[4], { resync: 'ASYNC-000001' });
    assert.equal(doc.timeline[5].editCustomer.customer, '100001', 'an account number is kept');
    assert.notEqual(doc.timeline[6].editCustomer.customer, '0701234567', 'a phone number is not');
  });

  it('removes comments and redacts the scenario name, misspelled keys and numbers in personal fields', () => {
    const text = `// Ana Berg called about her account\n{\n  "name": "Ana Berg's missing account", /* ana@example.com */\n  "start": "2026-11-01T08:00:00Z",\n  "timeline": [\n    { "createCustomer": { "channel": "Store42", "fristName": "Ana", "lastName": "Berg", "phone": 46701234567 } }\n  ]\n}\n`;
    const redacted = redactScenario(text).text;
    assert.doesNotMatch(redacted, /ana|berg|4670/i);
    assert.equal(redacted.split('\n').length, text.split('\n').length, 'lines stay where they were');
    assert.match(redacted, /"fristName": "redacted-1"/);
    assert.match(redacted, /"phone": \d+/);
  });

  it('keeps the diagnosis of random scenarios, and no name, email, phone, street, zip code or city survives anywhere in the bundle', async () => {
    const sql = await loadSql();
    await fc.assert(
      fc.asyncProperty(randomScenario(), async ({ text, personal }) => {
        const original = await diagnose(text);
        const redacted = await diagnose(redactScenario(text).text);
        assert.deepEqual(shape(redacted.findings), shape(original.findings));
        const bundle = supportBundle(sql, 'zqcase.asyncscenario.json', text, { generatedAt: '2026-11-25T00:00:00Z' });
        for (const file of bundle.files) {
          const content = file.content.toLowerCase();
          for (const value of personal) {
            assert.ok(!content.includes(value.toLowerCase()), `'${value}' survived in ${file.name}`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same value the same pseudonym everywhere, and different values different ones', () => {
    fc.assert(
      fc.property(randomScenario(), ({ text }) => {
        const before = parse(text) as Json;
        const after = parse(redactScenario(text).text) as Json;
        const pairs = new Map<string, string>();
        const reverse = new Map<string, string>();
        const walk = (a: Json, b: Json, key?: string) => {
          if (typeof a === 'string' && typeof b === 'string' && key && ['firstName', 'lastName', 'email', 'phone', 'street', 'zip', 'city'].includes(key)) {
            const k = `${key === 'lastName' ? 'firstName' : key}:${a.trim().toLowerCase()}`;
            const v = b.trim().toLowerCase();
            assert.equal(pairs.get(k) ?? v, v, `${a} has two pseudonyms`);
            const r = `${key === 'lastName' ? 'firstName' : key}:${v}`;
            assert.equal(reverse.get(r) ?? k, k, `${b} stands for two values`);
            pairs.set(k, v);
            reverse.set(r, k);
          } else if (Array.isArray(a) && Array.isArray(b)) a.forEach((x, i) => walk(x, b[i], key));
          else if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
            for (const [k, v] of Object.entries(a)) walk(v, b[k], k);
          }
        };
        walk(before, after);
      }),
      { numRuns: RUNS },
    );
  });

  it('redacts the parts of a hyphenated name, also where the title names only one of them', async () => {
    const text = scenario({
      extra: { name: 'Anna calls about Anna-Karin Ek' },
      timeline: [
        { createCustomer: { channel: 'Store42', firstName: 'Anna-Karin', lastName: 'Ek', email: 'ak@example.com', offline: true } },
        { editCustomer: { channel: 'Store42', customer: 'Anna-Karin Ek', lastName: 'Ek-Berg' } },
      ],
    });
    const redacted = redactScenario(text).text;
    assert.doesNotMatch(redacted, /anna|karin|\bek\b/i);
    const [original, after] = [await diagnose(text), await diagnose(redacted)];
    assert.deepEqual(shape(after.findings), shape(original.findings));
    assert.equal(only(after.findings, 'ACD102').length, 0, 'the reference still finds the customer');
  });

  it('redacts bare words in a file JSON cannot read, and never throws on damaged text', async () => {
    const broken = '{ "timeline": [ { "createCustomer": { "channel": "Store42", "firstName": Ana, "email": "ana@example.com } } ] }';
    const redacted = redactScenario(broken).text;
    assert.doesNotMatch(redacted, /ana/i);
    assert.ok((await diagnose(redacted)).findings.some((f) => f.ruleId === 'ACD100'));
    const text = sample('failed-operation');
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(60), fc.string({ maxLength: 6 }), (at, cut, junk) => {
        const damaged = text.slice(0, at) + junk + text.slice(at + cut);
        assert.equal(typeof redactScenario(damaged).text, 'string');
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: the same scenario gives the same redacted text', () => {
    const text = sample('failed-operation');
    assert.equal(redactScenario(text).text, redactScenario(text).text);
  });
});

/** Customers with distinctive personal values, references to them, and the jobs that move them. */
function randomScenario(): fc.Arbitrary<{ text: string; personal: string[] }> {
  const word = fc.stringMatching(/^[a-z]{3,7}$/).map((s) => `Zq${s}`);
  const person = fc.record({
    firstName: fc.oneof(word, fc.constant('')),
    lastName: word,
    email: fc.oneof(
      fc.tuple(word, word).map(([a, b]) => `${a}.x@${b}.com`),
      fc.tuple(word, word).map(([a, b]) => `${a}.${b}.com`),
      fc.tuple(word, word).map(([a, b]) => `${a} @${b}.com`),
    ),
    phone: fc.tuple(fc.integer({ min: 10, max: 99 }), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b, c]) => `+46 ${a} ${b} ${c}`),
    street: fc.tuple(word, fc.integer({ min: 1, max: 99 })).map(([w, n]) => `${w}gatan ${n}`),
    zip: fc.tuple(fc.integer({ min: 100, max: 999 }), fc.integer({ min: 10, max: 99 })).map(([a, b]) => `${a} ${b}`),
    city: fc.oneof(word.map((w) => `${w}sund`), fc.constant('')),
    countryRegion: fc.constantFrom('SWE', 'SVE', 'NOR'),
    offline: fc.boolean(),
  });
  return fc
    .record({
      people: fc.array(person, { minLength: 1, maxLength: 4 }),
      steps: fc.array(fc.tuple(fc.constantFrom('create', 'edit', 'address', 'p', 'batch', 'fixFailed', 'duplicate'), fc.nat(), fc.boolean()), { maxLength: 10 }),
      editing: fc.boolean(),
    })
    .map(({ people, steps, editing }) => {
      const ref = (i: number, byEmail: boolean) => {
        const p = people[i % people.length];
        return byEmail ? p.email.toUpperCase() : [p.firstName, p.lastName].filter(Boolean).join(' ');
      };
      const timeline: unknown[] = people.map((p) => ({
        createCustomer: { channel: 'Store42', firstName: p.firstName, lastName: p.lastName, email: p.email, phone: p.phone, offline: p.offline, address: { street: p.street, city: p.city, zip: p.zip, countryRegion: p.countryRegion } },
      }));
      for (const [kind, i, flag] of steps) {
        const p = people[i % people.length];
        if (kind === 'create' || kind === 'duplicate') timeline.push({ createCustomer: { channel: 'Store42', firstName: p.firstName, lastName: p.lastName, email: kind === 'duplicate' ? p.email : `${p.lastName}@zq.com`, offline: true } });
        if (kind === 'edit') timeline.push({ editCustomer: { channel: 'Store42', customer: ref(i, flag), phone: p.phone } });
        if (kind === 'address') timeline.push({ createAddress: { channel: 'Store42', customer: ref(i, flag), street: p.street, city: p.city, zip: p.zip, countryRegion: 'SWE' } });
        if (kind === 'p') timeline.push({ runJob: 'P-0001' });
        if (kind === 'batch') timeline.push({ runBatch: 'SynchronizeCustomersAndChannelRequests' });
        if (kind === 'fixFailed') timeline.push({ editFailedOperation: { operation: ref(i, flag), set: { countryRegion: 'SWE', street: p.street, city: p.city } } });
      }
      const first = people[0];
      const body = scenario({
        features: { CustomerOrderPerformance: true, EnhancedAsyncCustomerCreation: true, AsyncCustomerAddressCreation: true, AsyncCustomerEditing: editing },
        extra: { name: `${first.firstName} ${first.lastName} at ${first.street}, ${first.city}` },
        timeline,
      });
      const personal = people.flatMap((p) => [p.firstName, p.lastName, p.email, p.phone, p.street, p.zip, p.city]).filter((v) => v !== '');
      return { text: `// ${first.lastName} <${first.email}>, ${first.phone}\n${body}`, personal };
    });
}

describe('the random scenarios of the redaction tests', () => {
  it('reach the rules whose messages and evidence name customers', async () => {
    const seen = new Set<string>();
    for (const { text } of fc.sample(randomScenario(), { numRuns: 40, seed: 7 })) {
      for (const finding of (await diagnose(text)).findings) seen.add(finding.ruleId);
    }
    for (const id of ['ACD004', 'ACD005', 'ACD006', 'ACD106', 'ACD109']) assert.ok(seen.has(id), `${id} never reached: ${[...seen].join(', ')}`);
  });

  it('would catch a leak: without redaction the bundle holds the personal values', async () => {
    const [{ text, personal }] = fc.sample(randomScenario(), { numRuns: 1, seed: 3 });
    const bundle = supportBundle(await loadSql(), 'zqcase.asyncscenario.json', text, { redact: false });
    assert.ok(personal.some((value) => bundle.files[0].content.includes(value)));
    assert.ok(bundle.files[2].content === text);
  });
});
