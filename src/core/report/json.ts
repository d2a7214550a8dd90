// JSON report: every tag of the chosen documents with document metadata. Shape (version 1):
//
// {
//   "format": "claim-tagger/report", "version": 1,
//   "title": string, "generated": ISO 8601 date-time,
//   "kinds": [{ "id", "label", "color" }],            // kinds in display order
//   "summary": Summary,                                 // over all documents
//   "documents": [{
//     "uri": string,                                    // public http(s) URL of the article, else urn:claim-tagger:document:<name>
//     "name": string, "length"?: number,                // length in UTF-16 code units when known
//     "summary": Summary,
//     "tags": Tag[]                                     // as in the sidecar (src/core/model.ts, same key order), sorted by start, end, id
//   }]
// }
// Summary = { "total", "byKind": { kind: count }, "byStatus": { status: count } (claims), "orphaned", "unattributed" }
// Offsets are UTF-16 code units, as in the sidecar.
import { ChunkWriter, writeJson } from './chunks';
import { ReportDocument, Resolved, kindsInUse, publicIri, sortedTags, summarize, summarizeAll } from './common';

export const JSON_REPORT_FORMAT = 'claim-tagger/report';
export const JSON_REPORT_VERSION = 1;

export function renderJsonChunks(r: Resolved, docs: ReportDocument[]): string[] {
  const report = {
    format: JSON_REPORT_FORMAT,
    version: JSON_REPORT_VERSION,
    title: r.title,
    generated: r.generated.toISOString(),
    kinds: kindsInUse(r, docs),
    summary: summarizeAll(docs),
    documents: docs.map((doc) => {
      const tags = sortedTags(doc);
      const length = typeof doc.text === 'string' ? doc.text.length : doc.length;
      return { uri: publicIri(doc, r.options), name: doc.name, ...(typeof length === 'number' ? { length } : {}), summary: summarize(tags), tags };
    }),
  };
  const out = new ChunkWriter();
  writeJson(out, report);
  out.write('\n');
  return out.done();
}
