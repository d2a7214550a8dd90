// The kinds' colour table in core (reports, preview) says what package.json's editor colour defaults say.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KIND_COLORS, ThemePalette } from '../../../src/core/kindColors';
import { BUILTIN_KINDS } from '../../../src/core/model';
import { DEFAULT_KINDS } from '../../../src/core/report';

interface ColorContribution { id: string; defaults: Record<ThemePalette, string> }
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as { contributes: { colors: ColorContribution[] } };
const defaults = (id: string) => {
  const c = manifest.contributes.colors.find((x) => x.id === id);
  assert.ok(c, `package.json contributes the colour ${id}`);
  return c.defaults;
};

suite('kind colours', () => {
  test('light: each kind background without its alpha; other themes: each kind foreground', () => {
    for (const kind of BUILTIN_KINDS) {
      assert.equal(KIND_COLORS.light[kind], defaults(`claimTagger.${kind}Background`).light.slice(0, 7), `${kind} light`);
      for (const palette of ['dark', 'highContrast', 'highContrastLight'] as const) {
        assert.equal(KIND_COLORS[palette][kind], defaults(`claimTagger.${kind}Foreground`)[palette], `${kind} ${palette}`);
      }
    }
  });

  test('report files use the light palette', () => {
    assert.deepEqual(DEFAULT_KINDS.map((k) => [k.id, k.color]), BUILTIN_KINDS.map((k) => [k, KIND_COLORS.light[k]]));
  });
});
