// Every error jsonc-parser can report is put in words in English and in Swedish.
import { strict as assert } from 'node:assert';
import { printParseErrorCode } from 'jsonc-parser';
import { localize, msg } from '../../src/domain/l10n';
import { describeParseError } from '../../src/scenario/jsonNodes';

describe('JSON syntax errors in words', () => {
  const codes = Array.from({ length: 16 }, (_, i) => i + 1);

  it('has a text of its own for each parser error code, in both languages', () => {
    assert.equal(printParseErrorCode(17 as never), '<unknown ParseErrorCode>', 'the parser has no code beyond 16');
    for (const code of codes) {
      const en = localize(msg('syntax', { code: describeParseError(code) }), 'en');
      const sv = localize(msg('syntax', { code: describeParseError(code) }), 'sv');
      assert.match(en, /^JSON syntax error: .+\.$/);
      assert.match(sv, /^JSON-syntaxfel: .+\.$/);
      assert.doesNotMatch(en, /text JSON cannot read|[A-Z][a-z]+[A-Z]/, `code ${code}: ${en}`);
      assert.doesNotMatch(sv, /text som JSON inte kan läsa|[A-Z][a-z]+[A-Z]/, `code ${code}: ${sv}`);
    }
    const all = (locale: 'en' | 'sv') => new Set(codes.map((code) => localize(msg('syntax', { code: describeParseError(code) }), locale)));
    assert.equal(all('en').size, codes.length, 'each English text says which error it is');
    assert.equal(all('sv').size, codes.length, 'each Swedish text says which error it is');
  });

  it('says "comma expected" / "kommatecken förväntades" for a missing comma', () => {
    const code = describeParseError(6);
    assert.equal(localize(msg('syntax', { code }), 'en'), 'JSON syntax error: comma expected.');
    assert.equal(localize(msg('syntax', { code }), 'sv'), 'JSON-syntaxfel: kommatecken förväntades.');
  });
});
