import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { stripControls, terminalSafeJson } from '../../../src/util/terminal';

// eslint-disable-next-line no-control-regex -- the characters under test
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

suite('terminal output: control characters', () => {
  test('ESC/OSC/CSI sequences go entirely, tab and newline stay', () => {
    assert.equal(stripControls('a\x1b]0;PWNED\x07b'), 'ab');
    assert.equal(stripControls('a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b'), 'alinkb');
    assert.equal(stripControls('\x1b[31mred\x1b[0m\tok\n'), 'red\tok\n');
    assert.equal(stripControls('x\x9b2Jy\x9d0;t\x9cz'), 'xyz');
    assert.equal(stripControls('bell\x07 cr\r del\x7f nul\x00'), 'bell cr del nul');
    assert.equal(stripControls('«Привет» — مرحبا 😀'), '«Привет» — مرحبا 😀');
  });

  test('no control character survives, whatever the input (property)', () => {
    const ch = fc.constantFrom('\x1b', '[', ']', '\x07', '\x9b', '\x9c', '\x9d', '\\', 'P', '0', ';', 'm', 'a', ' ', '\t', '\n', '\r', '\x00', '\x85', 'é');
    fc.assert(fc.property(fc.array(ch, { maxLength: 40 }).map((a) => a.join('')), (s) => {
      assert.doesNotMatch(stripControls(s), CONTROL);
    }));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      assert.doesNotMatch(stripControls(s), CONTROL);
    }));
  });

  test('text without controls is unchanged (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
      const clean = s.replace(new RegExp(CONTROL.source, 'g'), '');
      assert.equal(stripControls(clean), clean);
    }));
  });

  test('JSON for a terminal keeps its data and shows no raw C1 control (property)', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 20 })), (values) => {
      const json = terminalSafeJson(JSON.stringify({ values }, null, 2));
      assert.doesNotMatch(json, CONTROL);
      assert.deepEqual(JSON.parse(json), { values });
    }));
  });
});
