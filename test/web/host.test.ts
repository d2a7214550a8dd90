// Proof that the web run really ran in VS Code's web-worker extension host, not in the Node one: the tests run in
// the same host as the extension, so what this worker lacks (Node's `process`) and has (`navigator`, `self`) says
// where the extension ran too. Bundled for the web run only (test/web/index.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, api } from '../integration/helpers';

suite('web host', () => {
  test('the extension and these tests run in the web worker of a web UI', async () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    const g = globalThis as { process?: unknown; navigator?: unknown; self?: unknown; importScripts?: unknown };
    assert.equal(g.process, undefined, 'Node\'s `process` exists here: this is the Node extension host');
    assert.ok(g.navigator !== undefined && g.self === globalThis, 'no `navigator`/`self`: not a web worker');
    assert.equal(typeof g.importScripts, 'function', 'no importScripts: not a worker global scope');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in this host`);
    await api();
    assert.ok(ext.isActive, 'the extension activated in this host');
    assert.equal(ext.extensionKind, vscode.ExtensionKind.UI, 'a web-worker extension reports extensionKind UI');
  });

  test('node:assert is the strict assert here too (the npm `assert` package), so the suites judge as in Node', () => {
    assert.throws(() => assert.equal(1 as unknown, '1'), /strictly equal|Expected values to be strictly/);
    assert.throws(() => assert.deepEqual({ a: 1 } as unknown, { a: '1' }));
    assert.throws(() => assert.match('abc', /x/));
    assert.deepEqual(new Map([[1, { b: [2] }]]), new Map([[1, { b: [2] }]]));
  });
});
