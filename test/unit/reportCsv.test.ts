import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { csvCell, evidenceCsv } from '../../src/report/csv';
import { diagnose, sample } from './helpers';

/** A small RFC 4180 reader, to check what a spreadsheet would read back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV of evidence rows', () => {
  it('never starts a cell with =, +, - or @: such cells get a leading quote', () => {
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    assert.equal(csvCell('+46 70 123'), "'+46 70 123");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\t=1'), "'\t=1");
    assert.equal(csvCell('Store42'), 'Store42');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(7), '7');
  });

  it('quotes cells with commas, semicolons, quotes and line breaks so they read back whole', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 5 }), (cells) => {
        const [read] = readCsv(`${cells.map(csvCell).join(',')}\r\n`);
        assert.equal(read.length, cells.length);
        read.forEach((value, i) => {
          assert.ok(!/^[=+\-@\t\r]/.test(value), `cell ${JSON.stringify(value)} starts like a formula`);
          assert.equal(value, /^[=+\-@\t\r]/.test(cells[i]) ? `'${cells[i]}` : cells[i]);
        });
      }),
    );
  });

  it('lists each evidence value with its finding, table, key and scenario line', async () => {
    const { findings } = await diagnose(sample('failed-operation'));
    const rows = readCsv(evidenceCsv(findings));
    assert.deepEqual(rows[0], ['finding', 'ruleId', 'severity', 'database', 'table', 'key', 'scenarioLine', 'column', 'value']);
    assert.ok(rows.some((r) => r[1] === 'ACD006' && r[4] === 'RETAILASYNCOPERATIONSTATUS' && r[7] === 'STATUS' && r[8] === 'Failed' && r[6] === '19'));
    assert.equal(rows.length - 1, findings.flatMap((f) => f.evidence.flatMap((e) => Object.keys(e.columns))).length);
  });
});
