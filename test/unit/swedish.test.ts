// Swedish as the product says it: `diagnose --locale sv` on every sample uses DOMAIN.md's Swedish
// product terms and leaves no English word outside ids, table and column names, and the HQ labels
// quoted in English because no source gives their Swedish names (listed in the README).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { UNTRANSLATED_LABELS } from '../../src/domain/l10n/hqLabels';
import { repoRoot } from './helpers';

/** Every sample, and files that reach what no sample does: syntax errors, version 2's refusals and settings, a file that is not JSON. */
const samples = ['samples', join('test', 'fixtures', 'swedish')].flatMap((dir) =>
  readdirSync(join(repoRoot, dir))
    .filter((f) => f.endsWith('.asyncscenario.json'))
    .map((f) => join(dir, f)),
);

function diagnoseAll(locale: 'en' | 'sv'): string {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'diagnose', ...samples, '--locale', locale], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return `${result.stdout}\n${result.stderr}`;
}

/** Names the samples give their channels, channel databases and customers: ids, not English. */
function scenarioIds(): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v) => visit(v, key));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    } else if (typeof value === 'string' && ['id', 'channel', 'channelDatabase', 'firstName', 'lastName', 'email', 'customer'].includes(key ?? '')) {
      value.split(/\s+/).forEach((part) => ids.add(part));
    }
  };
  for (const file of samples) visit(parseJsonc(readFileSync(join(repoRoot, file), 'utf8')));
  return [...ids];
}

/**
 * What the samples say in their own words and a message quotes as data: the message a failed run
 * left (`fails`, quoted in single quotes), and the scenario's keys (quoted in double or single quotes).
 */
function quotedScenarioText(): string[] {
  const quoted = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v) => visit(v, key));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        quoted.add(`"${k}"`).add(`'${k}'`);
        visit(v, k);
      }
    } else if (typeof value === 'string' && key === 'fails') {
      quoted.add(`'${value}'`);
    }
  };
  for (const file of samples) visit(parseJsonc(readFileSync(join(repoRoot, file), 'utf8')));
  return [...quoted];
}

/** Product names DOMAIN.md keeps in Swedish text, and column names messages quote. */
const KEPT = ['Commerce headquarters', 'Commerce Scale Unit', 'Lifecycle Services', 'CSU', 'HQ', 'POS', 'CDX', 'OnlineOperationCompleted', 'JSON'];

/** What is left of a line once file positions, ids, table and column names and the quoted labels are taken out. */
function prose(output: string): string {
  let text = output.replace(/^\S+\.asyncscenario\.json(:\d+:\d+)?:/gm, ' ');
  for (const label of [...UNTRANSLATED_LABELS].sort((a, b) => b.length - a.length)) {
    text = text.split(`"${label}"`).join(' ');
  }
  for (const quoted of quotedScenarioText().sort((a, b) => b.length - a.length)) {
    text = text.split(quoted).join(' ');
  }
  // Swedish writes the genitive of an abbreviation with a colon: HQ:s, CSU:s.
  for (const id of [...scenarioIds(), ...KEPT].sort((a, b) => b.length - a.length)) {
    text = text.split(`${id}:s`).join(' ').split(id).join(' ');
  }
  return text
    .replace(/\bACD\d{3}\b|\bASYNC-\d+\b|\bP-0001\b|\b[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\b/g, ' ')
    .replace(/\bP(T?\d+[DHMS])+\b|\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?/g, ' ')
    .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, ' ');
}

const words = (text: string) => text.match(/[A-Za-zÅÄÖåäöÉé]+(-[A-Za-zÅÄÖåäö]+)*/g) ?? [];

/** Words both languages write the same way, with the same meaning in these messages. */
const SAME_IN_SWEDISH = new Set(['information', 'Scenario', 'scenario', 'cache', 'metadata', 'Global', 'offline', 'online', 'id', 'text', 'schema']);

/** English words the Swedish output once had, whether or not today's English output uses them. */
const KNOWN_ENGLISH = ['in', 'fix', 'no', 'findings', 'error', 'warning', 'Pending', 'sync', 'Synchronize', 'Save', 'Edit', 'Customers', 'Customer', 'Run', 'now', 'Distribution', 'schedule', 'the', 'and', 'of'];

describe('Swedish output of the command line', () => {
  let swedish = '';
  before(() => {
    swedish = diagnoseAll('sv');
  });

  it("uses DOMAIN.md's Swedish product terms", () => {
    for (const term of [
      'Synkronisera kunder och kanalbegäranden',
      'Kundsynkroniseringsstatus',
      'Handel och detaljhandel > Kunder > Kundsynkroniseringsstatus',
      'Aktivera redigering av kunder i asynkront läge',
      'Prestandaförbättringar för kundorder och kundtransaktioner',
      'Aktivera utökat skapa asynkron kund',
      'Aktivera att skapa kundadresser asynkront',
      '1010 (Kunder)',
      '1110 (Global konfiguration)',
      '1070 (Kanalkonfiguration)',
      'CDX P-jobbet',
      'välj Spara och sedan Synkronisera',
    ]) {
      assert.ok(swedish.includes(term), `missing "${term}"`);
    }
  });

  it('leaves no English word outside ids, table and column names and the quoted labels the README lists', () => {
    const english = new Set([...words(prose(diagnoseAll('en'))), ...KNOWN_ENGLISH].filter((w) => !SAME_IN_SWEDISH.has(w)));
    const left = swedish.split('\n').flatMap((line) => words(prose(line)).filter((w) => english.has(w)).map((w) => `${w}  in: ${line.trim().slice(0, 160)}`));
    assert.deepEqual(left, []);
  });

  it('reaches the messages the extra files are for', () => {
    for (const text of [
      'JSON-syntaxfel: kommatecken förväntades.',
      'JSON-syntaxfel: ett ord eller tecken som JSON inte kan läsa (text skrivs inom dubbla citattecken).',
      'JSON-syntaxfel: ogiltigt tecken efter ett omvänt snedstreck.',
      'Inte ett scenario: filen är tom eller inte JSON',
      'Sidan Kundsynkroniseringsstatus finns från Commerce-version',
      'HQ nekar att inaktivera',
      'Ett schema kör ett jobb',
    ]) {
      assert.ok(swedish.includes(text), `missing "${text}"`);
    }
  });

  it('says "väntar på synkronisering" for a customer without its account number, in ACD007 and ACD013 alike', () => {
    const lines = swedish.split('\n').filter((line) => /\b(ACD007|ACD013):/.test(line));
    assert.deepEqual([...new Set(lines.map((line) => /\b(ACD007|ACD013):/.exec(line)?.[1]))].sort(), ['ACD007', 'ACD013']);
    for (const line of lines) assert.match(line, /väntar (fortfarande )?på synkronisering/, line);
    assert.doesNotMatch(swedish, /Pending sync/);
  });

  it("names jobs in fix titles by the product's names, never by the scenario's keys, in both languages", () => {
    const english = diagnoseAll('en');
    const fixes = [...swedish.split('\n').filter((l) => /^\s+korrigering: /.test(l)), ...english.split('\n').filter((l) => /^\s+fix: /.test(l))];
    assert.ok(fixes.some((l) => l.includes('Synkronisera kunder och kanalbegäranden')));
    assert.ok(fixes.some((l) => l.includes('Synchronize customers and channel requests')));
    assert.deepEqual(
      fixes.filter((l) => /SynchronizeCustomersAndChannelRequests|SynchronizeOrders|\bjob(bet)? [A-Z][a-z]+[A-Z]/.test(l)),
      [],
    );
  });

  it('lists every label it quotes in English in the README', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    assert.deepEqual(
      UNTRANSLATED_LABELS.filter((label) => !readme.includes(label)),
      [],
    );
  });
});

describe('Swedish in the pipeline picture', () => {
  it("names the jobs with the product's Swedish terms", async () => {
    const { pipelineLabels } = await import('../../src/vscode/pipeline/labels');
    const labels = pipelineLabels('sv');
    assert.equal(labels.jobs['P-0001'], 'CDX P-jobbet');
    assert.equal(labels.jobs.SynchronizeCustomersAndChannelRequests, 'Synkronisera kunder och kanalbegäranden');
    assert.equal(labels.jobs['1010'], 'Jobbet 1010 (Kunder)');
  });
});
