// The review tree's model, without VS Code: documents and their tags, grouped and filtered.
// Group nodes carry their counts; children are computed when a node is expanded, from per-document
// buckets built once per document change (so expanding a document never scans the whole workspace).
import { CLAIM_STATUSES, Tag } from '../model';

export type Grouping = 'document' | 'kind' | 'status';

export interface ReviewFilter {
  kinds?: string[];
  statuses?: string[];
  authors?: string[];
  /** Case-insensitive text searched in quote, note, source and links. */
  text?: string;
}

export interface ReviewDocument {
  /** Stable key (the document URI). */
  key: string;
  /** Display name (path relative to the workspace folder). */
  name: string;
  /** Key of the sidecar file. */
  sidecar: string;
  tags: readonly Tag[];
  /** The document is gone: its sidecar is kept and shown under "Detached". */
  detached: boolean;
  /** Set when the sidecar cannot be read. */
  error?: string;
}

export type GroupType = 'document' | 'kind' | 'status' | 'orphaned' | 'detached';

export interface GroupNode {
  type: 'group';
  id: string;
  group: GroupType;
  label: string;
  /** Tags below this node that pass the filter. */
  count: number;
  /** Document key for document/orphaned nodes and kind nodes under a document. */
  doc?: string;
  kind?: string;
  status?: string;
  parent?: GroupNode;
}

export interface TagNode {
  type: 'tag';
  id: string;
  doc: string;
  tag: Tag;
  parent?: GroupNode;
}

export type ReviewNode = GroupNode | TagNode;

export function isFilterActive(f: ReviewFilter): boolean {
  return !!(f.kinds?.length || f.statuses?.length || f.authors?.length || f.text?.trim());
}

export function describeFilter(f: ReviewFilter): string {
  const parts: string[] = [];
  if (f.kinds?.length) parts.push(f.kinds.join(', '));
  if (f.statuses?.length) parts.push(f.statuses.join(', '));
  if (f.authors?.length) parts.push(`by ${f.authors.join(', ')}`);
  if (f.text?.trim()) parts.push(`"${f.text.trim()}"`);
  return parts.join(' · ');
}

export function matches(tag: Tag, f: ReviewFilter): boolean {
  if (f.kinds?.length && !f.kinds.includes(tag.kind)) return false;
  if (f.statuses?.length && !(tag.kind === 'claim' && f.statuses.includes(tag.status ?? 'unreviewed'))) return false;
  if (f.authors?.length && !f.authors.includes(tag.author ?? '')) return false;
  const q = f.text?.trim().toLowerCase();
  if (q) {
    const source = tag.source ? ('text' in tag.source ? tag.source.text : tag.source.quote) : '';
    const hay = `${tag.quote}\n${tag.note ?? ''}\n${source}\n${(tag.links ?? []).join('\n')}\n${(tag.labels ?? []).join(' ')}`.toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

/** A tag row's id, the same under every grouping (reveal and the team rows find a tag by it). */
export function tagNodeId(doc: string, tagId: string): string {
  return `tag:${doc}:${tagId}`;
}

/** Every node of the tree is made here, so that roots(), children() and nodeOf() agree on ids (reveal needs it). */
const nodes = {
  document: (d: ReviewDocument, count: number): GroupNode => ({ type: 'group', id: `doc:${d.key}`, group: 'document', label: d.name, count, doc: d.key }),
  detached: (count: number): GroupNode => ({ type: 'group', id: 'detached', group: 'detached', label: 'Detached', count }),
  detachedDocument: (d: ReviewDocument, count: number, parent: GroupNode): GroupNode =>
    ({ type: 'group', id: `detached:${d.key}`, group: 'document', label: d.name, count, doc: d.key, parent }),
  kind: (kind: string, count: number): GroupNode => ({ type: 'group', id: `kind:${kind}`, group: 'kind', label: kind, count, kind }),
  documentOfKind: (kind: string, d: ReviewDocument, count: number, parent: GroupNode): GroupNode =>
    ({ type: 'group', id: `kind:${kind}:doc:${d.key}`, group: 'document', label: d.name, count, doc: d.key, kind, parent }),
  kindOfDocument: (d: ReviewDocument, kind: string, count: number, parent: GroupNode): GroupNode =>
    ({ type: 'group', id: `doc:${d.key}:kind:${kind}`, group: 'kind', label: kind, count, doc: d.key, kind, parent }),
  orphaned: (d: ReviewDocument, count: number, parent: GroupNode): GroupNode =>
    ({ type: 'group', id: `doc:${d.key}:orphaned`, group: 'orphaned', label: 'Orphaned', count, doc: d.key, parent }),
  status: (status: string, count: number): GroupNode => ({ type: 'group', id: `status:${status}`, group: 'status', label: status, count, status }),
  tag: (doc: string, tag: Tag, parent: GroupNode): TagNode => ({ type: 'tag', id: tagNodeId(doc, tag.id), doc, tag, parent }),
};

const byPosition = (a: Tag, b: Tag) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1);

/** Per-document buckets of filtered tags, rebuilt only for documents that changed. */
interface Buckets {
  byKind: Map<string, Tag[]>;
  orphaned: Tag[];
  /** Placed claims by status (what the status grouping counts). */
  claimStatuses: Map<string, number>;
  total: number;
}

export class ReviewModel {
  private readonly docs = new Map<string, ReviewDocument>();
  private readonly buckets = new Map<string, Buckets>();
  private filter: ReviewFilter = {};

  constructor(
    public grouping: Grouping = 'document',
    private readonly kindOrder: () => readonly string[] = () => ['claim', 'attribution', 'opinion'],
  ) {}

  setFilter(f: ReviewFilter): void {
    this.filter = f;
    this.buckets.clear();
  }

  getFilter(): ReviewFilter {
    return this.filter;
  }

  upsert(doc: ReviewDocument): void {
    this.docs.set(doc.key, doc);
    this.buckets.delete(doc.key);
  }

  remove(key: string): void {
    this.docs.delete(key);
    this.buckets.delete(key);
  }

  document(key: string): ReviewDocument | undefined {
    return this.docs.get(key);
  }

  documents(): ReviewDocument[] {
    return [...this.docs.values()];
  }

  /** Authors seen in any tag (for the filter picker). */
  authors(): string[] {
    const s = new Set<string>();
    for (const d of this.docs.values()) for (const t of d.tags) if (t.author) s.add(t.author);
    return [...s].sort();
  }

  /** Claims still unreviewed, over the whole workspace (the view's badge; ignores the filter). */
  unreviewedClaims(): number {
    let n = 0;
    for (const d of this.docs.values()) for (const t of d.tags) if (t.kind === 'claim' && (t.status ?? 'unreviewed') === 'unreviewed') n++;
    return n;
  }

  totalTags(): number {
    let n = 0;
    for (const d of this.docs.values()) n += d.tags.length;
    return n;
  }

  private bucketsOf(doc: ReviewDocument): Buckets {
    let b = this.buckets.get(doc.key);
    if (!b) {
      b = { byKind: new Map(), orphaned: [], claimStatuses: new Map(), total: 0 };
      for (const t of doc.tags) {
        if (!matches(t, this.filter)) continue;
        b.total++;
        if (t.anchor.state === 'orphaned') b.orphaned.push(t);
        else {
          const list = b.byKind.get(t.kind);
          if (list) list.push(t);
          else b.byKind.set(t.kind, [t]);
        }
      }
      for (const list of b.byKind.values()) list.sort(byPosition);
      for (const t of b.byKind.get('claim') ?? []) b.claimStatuses.set(t.status ?? 'unreviewed', (b.claimStatuses.get(t.status ?? 'unreviewed') ?? 0) + 1);
      this.buckets.set(doc.key, b);
    }
    return b;
  }

  private sortedKinds(kinds: Iterable<string>): string[] {
    const order = this.kindOrder();
    return [...kinds].sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : 1));
  }

  private sortedDocs(): ReviewDocument[] {
    return [...this.docs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  roots(): GroupNode[] {
    switch (this.grouping) {
      case 'document': {
        const out: GroupNode[] = [];
        let detachedCount = 0;
        for (const d of this.sortedDocs()) {
          const b = this.bucketsOf(d);
          if (d.detached) {
            detachedCount += b.total;
            continue;
          }
          if (b.total === 0 && (isFilterActive(this.filter) || (!d.error && d.tags.length === 0))) continue;
          out.push(nodes.document(d, b.total));
        }
        if (detachedCount) out.push(nodes.detached(detachedCount));
        return out;
      }
      case 'kind': {
        const counts = new Map<string, number>();
        for (const d of this.docs.values()) {
          if (d.detached) continue;
          for (const [k, list] of this.bucketsOf(d).byKind) counts.set(k, (counts.get(k) ?? 0) + list.length);
        }
        return this.sortedKinds(counts.keys()).map((k) => nodes.kind(k, counts.get(k)!));
      }
      case 'status': {
        const counts = new Map<string, number>();
        for (const d of this.docs.values()) {
          if (d.detached) continue;
          for (const [status, n] of this.bucketsOf(d).claimStatuses) counts.set(status, (counts.get(status) ?? 0) + n);
        }
        return CLAIM_STATUSES.filter((s) => counts.get(s)).map((s) => nodes.status(s, counts.get(s)!));
      }
    }
  }

  children(node: GroupNode): ReviewNode[] {
    const tagNodes = (doc: string, tags: readonly Tag[]): TagNode[] => tags.map((tag) => nodes.tag(doc, tag, node));
    switch (node.group) {
      case 'document': {
        const d = this.docs.get(node.doc!);
        if (!d) return [];
        const b = this.bucketsOf(d);
        if (this.grouping === 'kind') return tagNodes(d.key, b.byKind.get(node.kind!) ?? []);
        const out: ReviewNode[] = this.sortedKinds(b.byKind.keys()).map((k) => nodes.kindOfDocument(d, k, b.byKind.get(k)!.length, node));
        if (b.orphaned.length) out.push(nodes.orphaned(d, b.orphaned.length, node));
        return out;
      }
      case 'kind': {
        if (node.doc) {
          const d = this.docs.get(node.doc);
          return d ? tagNodes(d.key, this.bucketsOf(d).byKind.get(node.kind!) ?? []) : [];
        }
        // kind -> document -> tag
        const out: GroupNode[] = [];
        for (const d of this.sortedDocs()) {
          if (d.detached) continue;
          const n = this.bucketsOf(d).byKind.get(node.kind!)?.length ?? 0;
          if (n) out.push(nodes.documentOfKind(node.kind!, d, n, node));
        }
        return out;
      }
      case 'status': {
        const out: TagNode[] = [];
        for (const d of this.sortedDocs()) {
          if (d.detached) continue;
          const claims = (this.bucketsOf(d).byKind.get('claim') ?? []).filter((t) => (t.status ?? 'unreviewed') === node.status);
          for (const n of tagNodes(d.key, claims)) out.push(n); // no spread: a document may hold more claims than a call has arguments
        }
        return out;
      }
      case 'orphaned': {
        const d = this.docs.get(node.doc!);
        return d ? tagNodes(d.key, [...this.bucketsOf(d).orphaned].sort(byPosition)) : [];
      }
      case 'detached': {
        const out: GroupNode[] = [];
        for (const d of this.sortedDocs()) {
          if (!d.detached) continue;
          const n = this.bucketsOf(d).total;
          if (n) out.push(nodes.detachedDocument(d, n, node));
        }
        return out;
      }
    }
  }

  /**
   * The node of a tag (with its parents), for revealing it in the tree. Built straight from the tag's buckets
   * (same ids, labels and counts as roots() and children()), so following the cursor costs O(documents) at
   * most and never lists or sorts the workspace.
   */
  nodeOf(docKey: string, tagId: string): TagNode | undefined {
    const d = this.docs.get(docKey);
    const tag = d?.tags.find((t) => t.id === tagId);
    if (!d || !tag || !matches(tag, this.filter)) return undefined;
    const b = this.bucketsOf(d);
    const orphaned = tag.anchor.state === 'orphaned';
    const leaf = (parent: GroupNode): TagNode => nodes.tag(d.key, tag, parent);
    const underDocument = (docNode: GroupNode): TagNode => leaf(orphaned
      ? nodes.orphaned(d, b.orphaned.length, docNode)
      : nodes.kindOfDocument(d, tag.kind, b.byKind.get(tag.kind)!.length, docNode));
    switch (this.grouping) {
      case 'document': {
        if (!d.detached) return underDocument(nodes.document(d, b.total));
        let detached = 0;
        for (const other of this.docs.values()) if (other.detached) detached += this.bucketsOf(other).total;
        return underDocument(nodes.detachedDocument(d, b.total, nodes.detached(detached)));
      }
      case 'kind': {
        // Orphaned tags and detached documents are not listed when grouping by kind.
        if (d.detached || orphaned) return undefined;
        let count = 0;
        for (const other of this.docs.values()) if (!other.detached) count += this.bucketsOf(other).byKind.get(tag.kind)?.length ?? 0;
        return leaf(nodes.documentOfKind(tag.kind, d, b.byKind.get(tag.kind)!.length, nodes.kind(tag.kind, count)));
      }
      case 'status': {
        if (d.detached || orphaned || tag.kind !== 'claim') return undefined;
        const status = tag.status ?? 'unreviewed';
        let count = 0;
        for (const other of this.docs.values()) if (!other.detached) count += this.bucketsOf(other).claimStatuses.get(status) ?? 0;
        return leaf(nodes.status(status, count));
      }
    }
  }
}

function rank(order: readonly string[], kind: string): number {
  const i = order.indexOf(kind);
  return i < 0 ? order.length : i;
}
