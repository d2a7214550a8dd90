// JSON report: every tag of the chosen documents with document metadata. Shape (version 1):
//
// {
//   "format": "claim-tagger/report", "version": 1,
//   "title": string, "generated": ISO 8601 date-time,
//   "kinds": [{ "id", "label", "color" }],            // kinds in display order
//   "summary": Summary,                                 // over all documents
//   "documents": [{
//     "uri": string, "name": string, "length"?: number, // length in UTF-16 code units when known
//     "summary": Summary,
//     "tags": Tag[]                                     // as in the sidecar (src/core/model.ts), sorted by start, end, id
//   }]
// }
// Summary = { "total", "byKind": { kind: count }, "byStatus": { status: count } (claims), "orphaned", "unattributed" }
// Offsets are UTF-16 code units, as in the sidecar.
import { ReportDocument, Resolved, kindsInUse, sortedTags, summarize, summarizeAll } from './common';

export const JSON_REPORT_FORMAT = 'claim-tagger/report';
export const JSON_REPORT_VERSION = 1;

export function renderJson(r: Resolved, docs: ReportDocument[]): string {
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
      return { uri: doc.uri, name: doc.name, ...(typeof length === 'number' ? { length } : {}), summary: summarize(tags), tags };
    }),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
