// Validates the W3C export against the W3C Web Annotation test-suite schemas (test/fixtures/w3c-schemas).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import { renderReport } from '../../../src/core/report';
import { FIXTURES } from './golden';
import { GENERATED, SAMPLE_KINDS, sampleDocs } from './sample';

const DIR = path.join(FIXTURES, 'w3c-schemas');

/** Draft-04 -> what Ajv v8 reads: drop `$schema` everywhere, root `id` becomes `$id`. */
function adapt(schema: Record<string, unknown>): Record<string, unknown> {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => k !== '$schema').map(([k, x]) => [k, strip(x)]));
    }
    return v;
  };
  const { id, ...rest } = strip(schema) as Record<string, unknown>;
  return { $id: id, ...rest };
}

// RFC 3986 absolute URI: scheme ":" then only unreserved, reserved and percent-encoded characters.
const URI = /^[a-z][a-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/i;
// RFC 3339 date-time.
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

function loadAjv(): { ajv: Ajv; musts: ValidateFunction[]; body: ValidateFunction } {
  // Not allErrors: these schemas recurse through $ref, and collecting every error overflows the stack.
  const ajv = new Ajv({ strict: false });
  ajv.addFormat('uri', URI);
  ajv.addFormat('date-time', DATE_TIME);
  for (const f of fs.readdirSync(path.join(DIR, 'definitions'))) {
    const schema = adapt(JSON.parse(fs.readFileSync(path.join(DIR, 'definitions', f), 'utf8')));
    if (schema.$id === 'id.json') {
      // Missing from the stored copy (see the fixtures README): one uri string, or an array of exactly one.
      (schema.definitions as Record<string, unknown>).arraySingleStringUri = {
        oneOf: [{ $ref: '#/definitions/stringUri' }, { type: 'array', minItems: 1, maxItems: 1, items: { $ref: '#/definitions/stringUri' } }],
      };
    }
    ajv.addSchema(schema);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'annotations', 'annotationMusts.test'), 'utf8')) as { assertions: string[] };
  const compile = (rel: string) => ajv.compile(adapt(JSON.parse(fs.readFileSync(path.join(DIR, rel), 'utf8'))));
  return { ajv, musts: manifest.assertions.map(compile), body: compile('annotations/3.2-bodyObjectsRecognized.json') };
}

function failures(validators: ValidateFunction[], data: unknown): string[] {
  return validators.filter((v) => !v(data)).map((v) => `${(v.schema as { $id?: string }).$id}: ${JSON.stringify(v.errors?.slice(0, 3))}`);
}

suite('W3C export against the W3C Web Annotation schemas', function () {
  this.timeout(20000);
  const { ajv, musts, body } = loadAjv();
  const ref = (r: string) => ajv.compile({ $ref: r });
  const motivation = ref('annotations.json#/definitions/motivationRecognizedIfPresent');
  const purpose = ref('otherProperties.json#/definitions/purposeRecognizedIfPresent');
  const creator = ref('otherProperties.json#/definitions/creatorValidIfPresent');
  const collectionType = ref('collections.json#/definitions/annotationCollectionTypeValueFound');
  const pageType = ref('collections.json#/definitions/annotationPageTypeValueFound');
  const collectionChecks = ['labelDefinition', 'totalDefinition', 'firstValidIfPresent'].map((d) => ref(`collections.json#/definitions/${d}`));
  const pageChecks = ['startIndexDefinition', 'itemsFound'].map((d) => ref(`collections.json#/definitions/${d}`));
  const exported = JSON.parse(renderReport('w3c', sampleDocs(), { generated: GENERATED, kinds: SAMPLE_KINDS, author: 'Harbour Fact Desk' })) as { first: { items: Record<string, unknown>[] }; total: number; '@context': string };
  const items = exported.first.items as Record<string, unknown>[];

  test('the collection and its page are valid', () => {
    assert.ok(collectionType(exported));
    for (const v of collectionChecks) assert.ok(v(exported), JSON.stringify(v.errors));
    assert.ok(pageType(exported.first));
    for (const v of pageChecks) assert.ok(v(exported.first), JSON.stringify(v.errors));
    assert.equal(exported.total, items.length);
    assert.equal(exported['@context'], 'http://www.w3.org/ns/anno.jsonld');
  });

  test('every annotation passes every MUST assertion, the body assertion, and motivation/purpose/creator checks', () => {
    assert.equal(items.length, 11);
    for (const anno of items) {
      assert.deepEqual(failures([...musts, body, motivation, creator], anno), [], String(anno.id));
      for (const b of anno.body as Record<string, unknown>[]) assert.ok(purpose(b), JSON.stringify(b));
    }
  });

  test('the schemas do reject broken annotations (control)', () => {
    const good = items[0];
    const broken = [
      { ...good, '@context': 'http://example.org/other.jsonld' },
      { ...good, id: 'not a uri' },
      { ...good, type: 'Note' },
      { ...good, target: undefined },
      { ...good, created: '2025-13-45' },
      { ...good, bodyValue: 'both' },
      { ...good, target: { selector: { type: 'TextQuoteSelector', exact: 'no source' } } },
      { ...good, target: { source: 'not a uri', selector: { type: 'TextQuoteSelector', exact: 'x' } } },
    ].map((a) => JSON.parse(JSON.stringify(a)));
    broken.forEach((a, i) => assert.notDeepEqual(failures(musts, a), [], `control ${i} passed`));
    assert.equal(purpose({ type: 'TextualBody', value: 'x', purpose: 'gossiping' }), false);
  });
});
