import * as assert from 'node:assert/strict';
import { attributionCandidates } from '../../../src/core/attributionParts';

suite('attribution candidates (manual attribution flow)', () => {
  test('a capitalised word inside a proper name is never offered as a cue or split off as a source', () => {
    const text = 'The United States Department of State said in a statement that it welcomed the talks.';
    const content = text.indexOf('it welcomed');
    const c = attributionCandidates(text, content, text.length - 1);
    assert.deepEqual(c.cues.map((x) => x.text), ['said']);
    assert.equal(c.sources[0]?.text, 'The United States Department of State');
    assert.ok(!c.cues.some((x) => /States|United/.test(x.text)));
  });

  test('unnamed sources come flagged, nearest first', () => {
    const text = 'Critics argue that the deal is folly. Officials said on Monday that it would stand.';
    const content = text.indexOf('it would');
    const c = attributionCandidates(text, content, text.length - 1);
    assert.equal(c.sources[0].text, 'Officials');
    assert.equal(c.sources[0].unnamed, true);
    assert.equal(c.cues[0].text, 'said');
  });

  test('phrase cues: "was quoted as saying", "according to"', () => {
    const text = 'Prime Minister Ossian Terell was quoted as saying that the corridor had changed the map.';
    const c = attributionCandidates(text, text.indexOf('the corridor'), text.length - 1);
    assert.equal(c.cues[0].text, 'quoted as saying');
    assert.equal(c.sources[0].text, 'Prime Minister Ossian Terell');
  });
});
