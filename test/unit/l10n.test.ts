import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/diagnose/engine';
import { QUESTIONS } from '../../src/diagnose/types';
import { repoRoot } from './helpers';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('Swedish for every user-facing string', () => {
  it('translates every vscode.l10n.t string of the extension', () => {
    const bundle = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.sv.json'), 'utf8')) as Record<string, string>;
    const pattern = /l10n\.t\((['`])((?:(?!\1)[^\\]|\\.)*)\1/g;
    // l10n.tn(n, 'one', 'other'): both forms need a translation.
    const counted = /l10n\.tn\([^,]+,\s*'((?:[^'\\]|\\.)*)',\s*'((?:[^'\\]|\\.)*)'/g;
    const missing: string[] = [];
    for (const file of sources(join(repoRoot, 'src', 'vscode'))) {
      const source = readFileSync(file, 'utf8');
      const texts = [...[...source.matchAll(pattern)].map((m) => m[2]), ...[...source.matchAll(counted)].flatMap((m) => [m[1], m[2]])];
      for (const text of texts.map((t) => t.replace(/\\'/g, "'"))) {
        if (!(text in bundle)) missing.push(text);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('gives every FAQ question and every cause a short Troubleshooter label, in Swedish too', () => {
    const source = readFileSync(join(repoRoot, 'src', 'vscode', 'views', 'troubleshooterLabels.ts'), 'utf8');
    const bundle = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.sv.json'), 'utf8')) as Record<string, string>;
    const labelled = new Map([...source.matchAll(/case '([^']+)':\s*return ([^;]+);/g)].map((m) => [m[1], m[2]]));
    for (const id of [...QUESTIONS, ...RULES.map((r) => r.id)]) {
      const body = labelled.get(id);
      assert.ok(body, `the Troubleshooter shows ${id} without a short label`);
      const texts = [...body.matchAll(/l10n\.t\((['"])((?:(?!\1)[^\\]|\\.)*)\1\)/g)].map((m) => m[2].replace(/\\'/g, "'"));
      assert.ok(texts.length > 0, `the label of ${id} is not translatable: ${body}`);
      for (const text of texts) {
        assert.ok(text.length <= 36, `the label "${text}" of ${id} is too long for the sidebar`);
        assert.ok(text in bundle, `the label "${text}" of ${id} has no Swedish`);
        assert.ok(bundle[text].length <= 36, `the Swedish label "${bundle[text]}" of ${id} is too long for the sidebar`);
      }
    }
  });

  it('translates every manifest string', () => {
    const english = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const swedish = JSON.parse(readFileSync(join(repoRoot, 'package.nls.sv.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(swedish).sort(), Object.keys(english).sort());
    const manifest = readFileSync(join(repoRoot, 'package.json'), 'utf8');
    for (const key of manifest.matchAll(/"%([^%]+)%"/g)) {
      assert.ok(key[1] in english, `package.json uses %${key[1]}% but package.nls.json lacks it`);
    }
  });
});

describe('the walkthrough in the language of the setting', () => {
  it('has a Swedish walkthrough with the same steps, shown when asyncCustomers.language is sv', () => {
    interface Walkthrough {
      readonly id: string;
      readonly when?: string;
      readonly steps: readonly { readonly id: string; readonly media: { readonly markdown?: string; readonly image?: string; readonly altText?: string } }[];
    }
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { walkthroughs: Walkthrough[] } };
    const [english, swedish] = manifest.contributes.walkthroughs;
    assert.equal(english.when, 'asyncCustomers.language != sv');
    assert.equal(swedish.when, 'asyncCustomers.language == sv');
    assert.deepEqual(
      swedish.steps.map((s) => s.id),
      english.steps.map((s) => `${s.id}Sv`),
    );
    for (const step of swedish.steps) {
      if (step.media.image) {
        // Screenshots are shared; their alternative text is Swedish.
        assert.match(step.media.altText ?? '', /^%walkthrough\.sv\./, step.id);
        continue;
      }
      const path = step.media.markdown ?? '';
      assert.match(path, /^media\/walkthrough\/sv\//);
      // Sample file names (in backticks) are ids, not English text.
      const markdown = readFileSync(join(repoRoot, path), 'utf8').replace(/`[^`]*`/g, '');
      assert.doesNotMatch(markdown, /\b(the|and|customer|Open a sample)\b/, path);
    }
  });
});
