import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CSV_COLUMNS, renderReport } from '../../../src/core/report';
import { csvField, csvRow, guardFormula } from '../../../src/core/report/csv';
import { parseCsv } from './csvParse';
import { tagOf } from './sample';

const tricky = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', '😀', 'é', ';', "'") , maxLength: 30 });

suite('CSV', () => {
  test('fields are quoted only when RFC 4180 needs it', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\r'), '"cr\r"');
    assert.equal(csvField(''), '');
  });

  test('property: any row of fields round-trips through a strict RFC 4180 reader', () => {
    fc.assert(fc.property(fc.array(tricky, { minLength: 1, maxLength: 6 }), (fields) => {
      const parsed = parseCsv(csvRow(fields) + '\r\n');
      assert.deepEqual(parsed, [fields]);
    }), { numRuns: 1000 });
  });

  test('property: with the formula guard, fields round-trip after removing the added quote, and never start a formula', () => {
    fc.assert(fc.property(fc.array(tricky, { minLength: 1, maxLength: 6 }), (fields) => {
      const [parsed] = parseCsv(csvRow(fields, true) + '\r\n');
      parsed.forEach((p, i) => {
        assert.doesNotMatch(p, /^[=+@\t\r]/);
        if (p.startsWith('-')) assert.match(p, /^-\d/);
        assert.equal(p === fields[i] ? p : p.slice(1), fields[i]);
      });
    }), { numRuns: 1000 });
  });

  test('guardFormula leaves plain numbers alone and neutralises formulas', () => {
    assert.equal(guardFormula('-5'), '-5');
    assert.equal(guardFormula('+3.5%'), '+3.5%');
    assert.equal(guardFormula('=HYPERLINK("http://evil")'), `'=HYPERLINK("http://evil")`);
    assert.equal(guardFormula('@SUM(A1)'), `'@SUM(A1)`);
    assert.equal(guardFormula('-2+cmd|x'), `'-2+cmd|x`);
  });

  test('property: report rows keep quotes and notes exactly (guard off)', () => {
    fc.assert(fc.property(tricky.filter((s) => s.length > 0), tricky, (quote, note) => {
      const text = `before ${quote} after`;
      const tag = tagOf(text, 'claim', quote, { note });
      const rows = parseCsv(renderReport('csv', [{ uri: 'u', name: 'n,"x"\n', text, tags: [tag] }], { csvFormulaGuard: false }));
      assert.equal(rows.length, 2);
      assert.equal(rows[1][CSV_COLUMNS.indexOf('quote')], quote);
      assert.equal(rows[1][CSV_COLUMNS.indexOf('note')], note);
      assert.equal(rows[1][0], 'n,"x"\n');
    }), { numRuns: 300 });
  });

  test('the formula guard is on by default in reports', () => {
    const text = 'x =1+1 y';
    const rows = parseCsv(renderReport('csv', [{ uri: 'u', name: '=cmd|calc', text, tags: [tagOf(text, 'claim', '=1+1')] }]));
    assert.equal(rows[1][0], `'=cmd|calc`);
    assert.equal(rows[1][CSV_COLUMNS.indexOf('quote')], `'=1+1`);
  });
});
