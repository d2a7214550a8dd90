import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { api, closeAllEditors, eventually, exec, openFresh } from './helpers';

const KINDS = ['claim', 'attribution', 'opinion'];

interface ColorContribution {
  id: string;
  defaults: Record<'dark' | 'light' | 'highContrast' | 'highContrastLight', string>;
}

/** Whether a #rrggbb or #rrggbbaa colour is drawn at all (alpha above zero). */
const opaque = (hex: string) => hex.length === 7 || (hex.length === 9 && hex.slice(7) !== '00');

async function setTheme(name: string | undefined, kind?: vscode.ColorThemeKind): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', name, vscode.ConfigurationTarget.Global);
  if (kind !== undefined) await eventually(() => vscode.window.activeColorTheme.kind === kind, 10_000);
}

suite('decorations in the editor', () => {
  teardown(async () => {
    await setTheme(undefined);
    await closeAllEditors();
  });

  test('high-contrast themes (dark and light): every kind is outlined in an opaque theme colour', async () => {
    const claimTagger = await api();
    const editor = await openFresh('decorations/hc.txt', 'The council approved 310 million euros. Critics called it shameful. "We will pay," she said.\n');
    const text = editor.document.getText();
    const ranges = ['The council approved 310 million euros.', '"We will pay,"', 'shameful'].map((q) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length }));
    await exec('claimTagger.tagClaim', { ranges: [ranges[0]] });
    await exec('claimTagger.tagAttribution', { ranges: [ranges[1]] });
    await exec('claimTagger.tagOpinion', { ranges: [ranges[2]] });
    const colors: ColorContribution[] = vscode.extensions.getExtension('claim-tagger.claim-tagger')!.packageJSON.contributes.colors;
    for (const [theme, kind, key] of [
      ['Default High Contrast', vscode.ColorThemeKind.HighContrast, 'highContrast'],
      ['Default High Contrast Light', vscode.ColorThemeKind.HighContrastLight, 'highContrastLight'],
    ] as const) {
      await setTheme(theme, kind);
      await claimTagger.flush();
      for (const k of KINDS) {
        assert.equal(claimTagger.decoratedRanges(editor.document.uri)[k]?.length, 1, `${k} is painted in ${theme}`);
        const style = claimTagger.decorationStyle(k)!;
        // The background style: a background (transparent in high contrast) plus an outline that is not.
        const outline = (style.outlineColor as { themeColor: string }).themeColor;
        assert.equal(style.outlineStyle, 'solid');
        assert.equal(style.outlineWidth, '1px');
        const background = colors.find((c) => c.id === (style.backgroundColor as { themeColor: string }).themeColor)!;
        const line = colors.find((c) => c.id === outline);
        assert.ok(line, `${outline} is contributed`);
        assert.ok(!opaque(background.defaults[key]), `${theme}: no background for ${k}`);
        assert.ok(opaque(line.defaults[key]), `${theme}: ${k} outline ${line.defaults[key]} is visible`);
        assert.ok(!opaque(line.defaults.dark) && !opaque(line.defaults.light), 'ordinary themes keep the background alone');
      }
    }
  });

  test('a long tag shows its gutter icon once, on the row where it starts', async () => {
    const claimTagger = await api();
    const long = 'The council approved the plan after a debate that went on for hours, '.repeat(12).trim();
    const editor = await openFresh('decorations/gutter.txt', `${long}\nSecond line of the tag.\nThird.\n`);
    await vscode.workspace.getConfiguration('editor', editor.document.uri).update('wordWrap', 'on', vscode.ConfigurationTarget.Global);
    try {
      const end = editor.document.offsetAt(new vscode.Position(1, 'Second line of the tag.'.length));
      const [tag] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [{ start: 0, end }] });
      await claimTagger.flush();
      const painted = await eventually(() => claimTagger.decoratedRanges(editor.document.uri));
      assert.equal(painted.claim.length, 1);
      assert.ok(painted.claim[0].end.line === 1, 'the highlight covers both lines');
      const gutter = painted['$gutter:claim'];
      assert.equal(gutter.length, 1);
      assert.ok(gutter[0].isEmpty && gutter[0].start.isEqual(editor.document.positionAt(tag.start)), 'one icon, at the start');
      assert.equal(claimTagger.decorationStyle('claim')!.gutterIconPath, undefined);
      assert.equal((claimTagger.decorationStyle('claim')!.light as Record<string, unknown> | undefined)?.gutterIconPath, undefined, 'the highlight itself carries no icon');
      assert.match(String((claimTagger.decorationStyle('$gutter:claim')!.dark as Record<string, unknown>).gutterIconPath), /media\/dark\/claim\.svg$/);
    } finally {
      await vscode.workspace.getConfiguration('editor').update('wordWrap', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
