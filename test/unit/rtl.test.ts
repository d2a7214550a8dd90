// Right-to-left text (Persian, Arabic, Hebrew) with combining marks: offsets are plain UTF-16, so tags
// survive edits and re-anchoring exactly as in Latin text.
import * as assert from 'node:assert/strict';
import { applyAnchorResults, reanchor } from '../../src/core/anchor';
import { applyChanges } from '../../src/core/edits';
import { parseSidecar, serializeSidecar, textHash } from '../../src/core/sidecar/format';
import { SIDECAR_FORMAT, SIDECAR_VERSION } from '../../src/core/model';
import { createTag, refreshQuotes } from '../../src/core/tags';

const PERSIAN = 'شهردار گفت که بودجهٔ پل ۳۱۰ میلیون یورو است. منتقدان مخالفند.';
const ARABIC = 'قالَ المتحدثُ إنَّ الجسرَ سيُفتتحُ في مايو.';
const HEBREW = 'ראש העיר אמר שהגשר ייפתח במאי.';

suite('right-to-left text', () => {
  for (const [name, text, quote] of [['Persian', PERSIAN, 'بودجهٔ پل ۳۱۰ میلیون یورو'], ['Arabic with harakat', ARABIC, 'الجسرَ سيُفتتحُ'], ['Hebrew', HEBREW, 'הגשר ייפתח']] as const) {
    test(`${name}: edits before a tag shift it; re-anchoring after an outside edit finds it`, () => {
      const start = text.indexOf(quote);
      const tag = createTag(text, { kind: 'claim', start, end: start + quote.length });
      const insert = 'خبر: ';
      applyChanges([tag], [{ start: 0, end: 0, text: insert }]);
      const edited = insert + text;
      assert.equal(edited.slice(tag.start, tag.end), quote);
      // An edit made outside VS Code: a paragraph before (starting with a right-to-left mark), guillemets around
      // the quote and a remark after it, so the quote moves by more than the prefix and its context changes.
      const before = '\u200Fمقدمه. ';
      const at = edited.indexOf(quote);
      const outside = `${before}${edited.slice(0, at)}«${quote}» (تأیید نشده)${edited.slice(at + quote.length)}`;
      const fresh = createTag(text, { kind: 'claim', start, end: start + quote.length });
      const [result] = reanchor(outside, [fresh]);
      assert.equal(result.state, 'moved');
      applyAnchorResults(outside, [fresh], [result]);
      assert.equal(fresh.start, before.length + at + 1);
      assert.equal(outside.slice(fresh.start, fresh.end), quote);
      refreshQuotes(outside, [fresh]);
      const raw = serializeSidecar({ format: SIDECAR_FORMAT, version: SIDECAR_VERSION, document: 'مقاله.md', textHash: textHash(outside), tags: [fresh] });
      const read = parseSidecar(raw, 'مقاله.md');
      assert.ok(read.ok);
      assert.equal(serializeSidecar(read.sidecar), raw);
    });
  }
});
