// The Tags view's index and model at archive scale: 1,000 documents with 100,000 tags in all, read from their
// sidecars on disk (never the documents' text). Targets: first level in under 1 s (reading and validating every
// sidecar, then the root nodes), expanding a document in under 100 ms.
//
//   npm run bench -- tree
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SIDECAR_FORMAT, SIDECAR_VERSION, Tag } from '../src/core/model';
import { GroupNode, ReviewModel } from '../src/core/review/model';
import { parseSidecar, serializeSidecar, textHash } from '../src/core/sidecar/format';
import { createTag } from '../src/core/tags';

const DOCS = 1_000;
const TAGS_PER_DOC = 100;

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-tagger-bench-tree-'));
  try {
    const now = new Date(0);
    for (let d = 0; d < DOCS; d++) {
      const text = `Story ${d}. `.repeat(400);
      const tags: Tag[] = [];
      for (let i = 0; i < TAGS_PER_DOC; i++) {
        const start = (i * 37) % (text.length - 60);
        const t = createTag(text, { kind: ['claim', 'attribution', 'opinion'][(d + i) % 3], start, end: start + 10 + (i % 40), now, author: i % 2 ? 'ana' : 'ben' });
        if (t.kind === 'claim' && i % 4 === 0) t.status = 'verified';
        tags.push(t);
      }
      const dir = path.join(root, `desk-${d % 20}`);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `story-${d}.md`);
      fs.writeFileSync(file, text);
      fs.writeFileSync(file + '.tags.json', serializeSidecar({ format: SIDECAR_FORMAT, version: SIDECAR_VERSION, document: path.basename(file), textHash: textHash(text), tags }));
    }

    // First level: find the sidecars, read and validate them (16 at a time, as the extension does), show roots.
    const t0 = performance.now();
    const files: string[] = [];
    for (const desk of fs.readdirSync(root)) for (const f of fs.readdirSync(path.join(root, desk))) if (f.endsWith('.tags.json')) files.push(path.join(root, desk, f));
    const model = new ReviewModel('document');
    for (let i = 0; i < files.length; i += 16) {
      await Promise.all(files.slice(i, i + 16).map(async (f) => {
        // As the extension does: JSON and tag shape first, schema validation afterwards in the background.
        const read = parseSidecar(await fs.promises.readFile(f, 'utf8'), undefined, { validate: false });
        if (!read.ok) throw new Error(read.error.message);
        const key = f.slice(0, -'.tags.json'.length);
        model.upsert({ key, name: path.relative(root, key), sidecar: f, tags: read.sidecar.tags, detached: false });
      }));
    }
    const roots = model.roots();
    const firstLevel = performance.now() - t0;
    if (roots.length !== DOCS || model.totalTags() !== DOCS * TAGS_PER_DOC) throw new Error('index incomplete');
    const tv = performance.now();
    for (const f of files) if (!parseSidecar(fs.readFileSync(f, 'utf8')).ok) throw new Error('invalid');
    const validation = performance.now() - tv;

    // Expanding documents: the kind nodes, then each kind's tags (what a click shows), on 50 documents.
    const expand: number[] = [];
    for (let i = 0; i < 50; i++) {
      const doc = roots[(i * 19) % roots.length];
      const t = performance.now();
      for (const kind of model.children(doc)) model.children(kind as GroupNode);
      expand.push(performance.now() - t);
    }
    // Following the cursor: the path to one tag (nodeOf), per grouping, median of 200 tags across the archive.
    const follow: Record<string, number> = {};
    const docs = model.documents();
    for (const grouping of ['document', 'status'] as const) {
      model.grouping = grouping;
      model.roots();
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const d = docs[(i * 37) % docs.length];
        const tag = d.tags[(i * 7) % d.tags.length];
        const t = performance.now();
        model.nodeOf(d.key, tag.id);
        times.push(performance.now() - t);
      }
      follow[grouping] = times.sort((a, b) => a - b)[100];
    }
    model.grouping = 'document';
    // Regrouping and filtering the whole archive (title-bar actions).
    const t1 = performance.now();
    model.grouping = 'kind';
    const kindRoots = model.roots();
    model.children(kindRoots[0]);
    const regroup = performance.now() - t1;
    const t2 = performance.now();
    model.setFilter({ statuses: ['verified'], authors: ['ana'] });
    model.grouping = 'document';
    model.roots();
    const filter = performance.now() - t2;
    expand.sort((a, b) => a - b);
    console.log(`${DOCS.toLocaleString('en')} documents, ${(DOCS * TAGS_PER_DOC).toLocaleString('en')} tags, sidecars read from disk; one process.\n`);
    console.log('| Step | Time | Target |');
    console.log('| --- | ---: | ---: |');
    console.log(`| First level: find + read 1,000 sidecars (JSON and tag shape), index, root nodes | ${firstLevel.toFixed(0)} ms | < 1,000 ms |`);
    console.log(`| Then, in the background: schema validation of all 1,000 | ${validation.toFixed(0)} ms | — |`);
    console.log(`| Expand a document (kinds and their tags), median / max of 50 | ${expand[25].toFixed(2)} / ${expand[49].toFixed(2)} ms | < 100 ms |`);
    console.log(`| Follow cursor: path to one tag (nodeOf), median of 200, by document / by status | ${follow.document.toFixed(3)} / ${follow.status.toFixed(3)} ms | — |`);
    console.log(`| Regroup by kind (roots + one kind's documents) | ${regroup.toFixed(0)} ms | — |`);
    console.log(`| Filter by status and author, document roots | ${filter.toFixed(0)} ms | — |`);
    if (firstLevel > 1000 || expand[49] > 100) process.exitCode = 1;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
