// The integration suites' waiting helper: a wait that times out says what it waited for and what it saw.
import * as assert from 'node:assert/strict';
import { eventually, eventuallyEqual } from '../integration/eventually';

suite('eventually (integration waiting helper)', () => {
  test('returns the first truthy value the probe returns', async () => {
    let calls = 0;
    assert.equal(await eventually(() => (++calls >= 3 ? `call ${calls}` : undefined), 2000), 'call 3');
  });

  test('without a description it names the probe and its last value', async () => {
    const labels = ['a.txt (1)'];
    await assert.rejects(eventually(() => labels.includes('b.txt (2)'), 120), (e: Error) => {
      assert.match(e.message, /^timed out after 120 ms waiting for `\(\) => labels\.includes\('b\.txt \(2\)'\)` to return a truthy value; last seen: false$/);
      return true;
    });
  });

  test('a description names what was expected; seen() reads what was there instead', async () => {
    let roots = ['a.txt (1)'];
    const wait = eventually(() => roots.includes('b.txt (2)'), 150, { expected: 'the Tags view to list b.txt (2)', seen: () => roots });
    roots = ['a.txt (1)', 'c.txt (4)']; // the state when it gives up is the one reported
    await assert.rejects(wait, { message: 'timed out after 150 ms waiting for the Tags view to list b.txt (2); last seen: ["a.txt (1)","c.txt (4)"]' });
    await assert.rejects(eventually(async () => roots.find((r) => r.startsWith('z')), 60, 'a root for z'),
      { message: 'timed out after 60 ms waiting for a root for z; last seen: undefined' });
  });

  test('a probe that asserts fails with its own last assertion', async () => {
    let n = 0;
    await assert.rejects(eventually(() => assert.equal(++n, -1), 80), (e: Error) => {
      assert.ok(e instanceof assert.AssertionError);
      assert.equal(e.actual, n);
      return true;
    });
  });

  test('a seen() that throws, and long values, still give a readable one-line message', async () => {
    await assert.rejects(eventually(() => false, 40, { expected: 'x', seen: () => { throw new Error('gone'); } }),
      { message: 'timed out after 40 ms waiting for x; last seen: "(reading it failed: gone)"' });
    await assert.rejects(eventually(() => '', 40, { expected: 'text', seen: () => 'line\n'.repeat(500) }), (e: Error) => {
      assert.ok(!e.message.includes('\n'));
      assert.match(e.message, /… \(\d+ characters\)$/);
      assert.ok(e.message.length < 600);
      return true;
    });
  });
});

suite('eventuallyEqual (integration waiting helper)', () => {
  test('resolves once the value deep-equals the expected one', async () => {
    let n = 0;
    await eventuallyEqual(() => (++n >= 3 ? ['a', 'b'] : ['a']), ['a', 'b'], 2000);
    assert.equal(n, 3);
  });

  test('on a timeout the assertion shows the expected value and the one last seen', async () => {
    await assert.rejects(eventuallyEqual(() => ['mine.md (1)'], ['mine.md (1)', 'shared.md (1)'], 80, 'blind roots'), (e: Error) => {
      assert.ok(e instanceof assert.AssertionError);
      assert.deepEqual([e.actual, e.expected], [['mine.md (1)'], ['mine.md (1)', 'shared.md (1)']]);
      assert.match(e.message, /^blind roots\b[^]*- {3}'shared\.md \(1\)'/);
      return true;
    });
  });
});
