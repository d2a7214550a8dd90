// learned.json: deterministic output, schema and runtime check agree, corrupt and newer files refused with a position.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { recordDecision } from '../../../src/core/learn/decisions';
import { Learned, emptyLearned, isForgotten, mergeLearned, parseLearned, serializeLearned, shapeProblem } from '../../../src/core/learn/learnedFile';

const root = path.resolve(__dirname, '../../../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/learned.schema.json'), 'utf8'));
const validate = new Ajv({ strict: false }).compile(schema);

const rule = fc.constantFrom('opinion.booster', 'claim.number', 'learned.phrase', '__proto__', 'a/b~c');
const term = fc.option(fc.constantFrom('very', 'deeply flawed', 'constructor', 'é'), { nil: undefined });
const learnedArb = fc.record({
  decisions: fc.array(fc.record({ rule, term, accepted: fc.boolean() }), { maxLength: 30 }),
  forgotten: fc.array(fc.record({ kind: fc.constantFrom('claim', 'attribution', 'opinion'), key: fc.string({ maxLength: 8 }), n: fc.nat(20) }), { maxLength: 5 }),
}).map(({ decisions, forgotten }) => {
  const l = emptyLearned();
  for (const d of decisions) recordDecision(l.decisions, d.rule, d.term, d.accepted);
  for (const f of forgotten) (l.forgotten[f.kind] ??= Object.create(null) as Record<string, number>)[f.key] = f.n;
  return l;
});

function roundTrip(l: Learned): Learned {
  const r = parseLearned(serializeLearned(l));
  assert.ok(r.ok, JSON.stringify(r));
  return r.learned;
}

suite('learn: learned.json', () => {
  test('property: written files pass the JSON Schema and read back to the same bytes', () => {
    fc.assert(fc.property(learnedArb, (l) => {
      const text = serializeLearned(l);
      assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors));
      assert.equal(serializeLearned(roundTrip(l)), text);
      assert.ok(text.endsWith('}\n'));
    }));
  });

  test('keys are sorted at every level, whatever the order decisions came in', () => {
    const a = emptyLearned();
    recordDecision(a.decisions, 'z.rule', 'b', true);
    recordDecision(a.decisions, 'a.rule', 'a', false);
    const b = emptyLearned();
    recordDecision(b.decisions, 'a.rule', 'a', false);
    recordDecision(b.decisions, 'z.rule', 'b', true);
    assert.equal(serializeLearned(a), serializeLearned(b));
    assert.ok(serializeLearned(a).indexOf('"a.rule"') < serializeLearned(a).indexOf('"z.rule"'));
  });

  test('property: merge adds decisions, keeps the larger forgotten count; commutative and associative', () => {
    fc.assert(fc.property(learnedArb, learnedArb, learnedArb, (x, y, z) => {
      const s = (l: Learned) => serializeLearned(l);
      assert.equal(s(mergeLearned(x, y)), s(mergeLearned(y, x)));
      assert.equal(s(mergeLearned(mergeLearned(x, y), z)), s(mergeLearned(x, mergeLearned(y, z))));
      const m = mergeLearned(x, y);
      for (const [r, c] of Object.entries(x.decisions.rules)) {
        const other = Object.hasOwn(y.decisions.rules, r) ? y.decisions.rules[r].accepted : 0;
        assert.equal(m.decisions.rules[r].accepted, c.accepted + other);
      }
    }));
  });

  test('property: the runtime check agrees with the JSON Schema on mutated files', () => {
    const mutation = fc.constantFrom(
      (o: Record<string, unknown>) => { o.extra = 1; },
      (o: Record<string, unknown>) => { o.version = 1; },
      (o: Record<string, unknown>) => { (o.decisions as Record<string, unknown>).rules = { r: { accepted: -1, dismissed: 0 } }; },
      (o: Record<string, unknown>) => { (o.decisions as Record<string, unknown>).rules = { r: { accepted: 1.5, dismissed: 0 } }; },
      (o: Record<string, unknown>) => { (o.decisions as Record<string, unknown>).rules = { r: { accepted: 1 } }; },
      (o: Record<string, unknown>) => { (o.decisions as Record<string, unknown>).terms = { r: { t: { accepted: 1, dismissed: 2, x: 3 } } }; },
      (o: Record<string, unknown>) => { (o.decisions as Record<string, unknown>).terms = { r: [] }; },
      (o: Record<string, unknown>) => { o.forgotten = { custom: { a: 1 } }; },
      (o: Record<string, unknown>) => { o.forgotten = { opinion: { a: '1' } }; },
      (o: Record<string, unknown>) => { delete o.decisions; },
      (o: Record<string, unknown>) => { o.$schema = 3; },
      (o: Record<string, unknown>) => { o.$schema = './schemas/learned.schema.json'; },
    );
    fc.assert(fc.property(learnedArb, mutation, (l, mutate) => {
      const o = JSON.parse(serializeLearned(l)) as Record<string, unknown>;
      mutate(o);
      assert.equal(shapeProblem(o) === undefined, validate(o), `${shapeProblem(o)} vs ${JSON.stringify(validate.errors)}`);
    }));
  });

  test('corrupt and newer files: a clear message with the position, never read as empty', () => {
    const bad = parseLearned('{\n  "format": "claim-tagger/learned",\n  "version": 1,\n  "decisions": {"rules": {"r": {"accepted": "2", "dismissed": 0}}, "terms": {}}\n}\n');
    assert.ok(!bad.ok && bad.kind === 'schema');
    assert.match(bad.message, /\/decisions\/rules\/r\/accepted: must be a whole number/);
    assert.equal(bad.line, 4);
    const json = parseLearned('{\n  "format": "claim-tagger/learned",,\n}');
    assert.ok(!json.ok && json.kind === 'json' && json.line === 2, JSON.stringify(json));
    const newer = parseLearned(JSON.stringify({ format: 'claim-tagger/learned', version: 2, decisions: {} }));
    assert.ok(!newer.ok && newer.kind === 'newer');
    assert.ok(!parseLearned('{"format": "other"}').ok);
  });

  test('a forgotten phrase comes back once tagged more often than when it was forgotten', () => {
    const l = emptyLearned();
    l.forgotten.opinion = Object.assign(Object.create(null), { shameful: 2 });
    assert.ok(isForgotten(l, 'opinion', 'shameful', 2));
    assert.ok(!isForgotten(l, 'opinion', 'shameful', 3));
    assert.ok(!isForgotten(l, 'claim', 'shameful', 1));
    assert.ok(!isForgotten(l, 'opinion', 'constructor', 1));
  });
});
