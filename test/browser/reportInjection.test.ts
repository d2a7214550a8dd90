/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML report in a real browser (headless Debian Chromium): script-injection payloads in notes, quotes,
// file names, sources and links must stay inert text. Runs outside VS Code: `npm run test:browser`.
// Without Chromium the suite fails (it never skips): a skipped security test would read as a pass.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, Browser } from 'playwright-core';
import { SIDECAR_FORMAT, SIDECAR_VERSION, Tag } from '../../src/core/model';
import { renderReport } from '../../src/core/report';
import { parseSidecar } from '../../src/core/sidecar/format';
import { createTag } from '../../src/core/tags';

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '"><svg onload="window.__pwned = \'svg\'">',
  "'><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
  '<a href="javascript:window.__pwned=\'link\'">click</a>',
  '<style>body{background:url(https://example.invalid/x)}</style>',
];

suite('HTML report in headless Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let dir: string;

  suiteSetup(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_BIN.`);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-tagger-browser-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
    });
  });

  suiteTeardown(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('no payload runs, no request leaves the page, links are only http(s) or in-page', async () => {
    const text = `Intro. ${PAYLOADS.join(' middle ')} said ${PAYLOADS[1]}. The end.\n`;
    const tags = PAYLOADS.map((p, i) => {
      const start = text.indexOf(p);
      const t = createTag(text, { kind: ['claim', 'attribution', 'opinion'][i % 3], start, end: start + p.length, note: PAYLOADS[(i + 1) % PAYLOADS.length], author: PAYLOADS[(i + 2) % PAYLOADS.length] });
      t.links = ['javascript:window.__pwned="href"', 'https://example.org/ok', `data:text/html,${encodeURIComponent(PAYLOADS[0])}`];
      t.labels = [PAYLOADS[3]];
      if (t.kind === 'attribution') t.source = { text: PAYLOADS[4] };
      return t;
    });
    const html = renderReport('html', [{ uri: `file:///news/${PAYLOADS[1]}.md`, name: `news/${PAYLOADS[0]}.md`, text, tags }], {
      title: PAYLOADS[2],
      author: PAYLOADS[5],
      kinds: [{ id: 'claim', label: PAYLOADS[0], color: 'red;} body{display:none' }, { id: 'attribution', label: 'Attribution', color: '#1a8a4a' }, { id: 'opinion', label: 'Opinion', color: '#c07000' }],
    });
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, html);

    const page = await browser.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`file://${file}`);
    await page.waitForTimeout(300);
    // Click every link that is not plainly external, as a reader might.
    for (const a of await page.$$('a[href^="#"]')) await a.click().catch(() => undefined);
    const state = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        pwned: (window as unknown as { __pwned?: string }).__pwned,
        scripts: document.querySelectorAll('script, iframe, object, embed').length,
        handlers: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
        hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
        visibleText: document.body.innerText,
      };
    });
    await page.close();
    assert.equal(state.pwned, undefined, 'no payload ran');
    assert.equal(state.scripts, 0, 'no script, iframe, object or embed element');
    assert.equal(state.handlers, 0, 'no inline event handler');
    assert.deepEqual(dialogs, []);
    assert.ok(state.hrefs.every((h) => h.startsWith('#') || /^https?:\/\//.test(h)), state.hrefs.join(' '));
    assert.ok(state.hrefs.includes('https://example.org/ok'));
    assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), [], 'nothing remote was requested');
    assert.ok(state.visibleText.includes('<script>window.__pwned = "script"</script>'), 'payloads are shown as text');
  });

  test('a newer-version sidecar with markup in numbers and lists neither navigates nor injects (issue 11)', async () => {
    const refresh = '<meta http-equiv="refresh" content="0;url=https://example.invalid/pwned">';
    const text = 'The council said the fare rose by 40 percent. Critics disagree.\n';
    const a = createTag(text, { kind: 'attribution', start: 0, end: 45 });
    const c = createTag(text, { kind: 'claim', start: 17, end: 44 });
    const hostile = [
      { ...a, id: `x\n${PAYLOADS[0]}`, cue: { start: refresh, end: refresh, quote: 'said' }, source: { start: 0, end: refresh, quote: 'The council' }, labels: { x: refresh }, links: refresh },
      { ...c, start: PAYLOADS[1], end: refresh, note: { html: refresh }, author: [PAYLOADS[2]] },
    ];
    const raw = JSON.stringify({ format: SIDECAR_FORMAT, version: SIDECAR_VERSION + 1, document: 'a.md', textHash: 'sha256:x', tags: hostile });
    const read = parseSidecar(raw);
    assert.ok(read.ok && read.readOnly);
    for (const [which, tags] of [['read through parseSidecar', read.sidecar.tags], ['handed to the renderer as they are', hostile as unknown as Tag[]]] as const) {
      const html = renderReport('html', [{ uri: 'file:///home/someone/a.md', name: 'a.md', text, tags }]);
      const file = path.join(dir, 'newer.html');
      fs.writeFileSync(file, html);
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${file}`);
      await page.waitForTimeout(1500); // a refresh with content="0" would have navigated by now
      const state = await page.evaluate(() => ({
        url: location.href,
        metas: [...document.querySelectorAll('meta[http-equiv]')].map((m) => m.getAttribute('http-equiv')),
        scripts: document.querySelectorAll('script').length,
        pwned: (window as unknown as { __pwned?: string }).__pwned,
      }));
      await page.close();
      assert.equal(state.url, `file://${file}`, `${which}: the page did not navigate away`);
      assert.deepEqual(state.metas, ['Content-Security-Policy'], which);
      assert.equal(state.scripts, 0, which);
      assert.equal(state.pwned, undefined, which);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), [], `${which}: nothing remote was requested`);
    }
  });
});
