// Explanations repeat: the same cue words, sources, categories and sentence scores recur across a text, so
// each distinct explanation is built once and shared by every suggestion that has it (30k suggestions per MB
// each carrying its own concatenated string was a large part of what the garbage collector had to copy).
//
// A trie keyed by a sequence of strings or numbers (the inputs of the explanation, in a fixed order): exact, and a look-up
// allocates nothing when the path exists. Bounded: when it holds LIMIT nodes it starts afresh.

interface TrieNode {
  kids: Map<string | number, TrieNode> | undefined;
  /** Children keyed by a span of a text (childSpan): by the hash of its characters, the key kept to compare. */
  spanKids: Map<number, TrieNode> | undefined;
  key: string | undefined;
  value: string | undefined;
}

const LIMIT = 50_000;

export class StringTrie {
  private root: TrieNode = newNode(undefined);
  private nodes = 0;

  /** The root, to walk from with child(); call once per look-up (it may reset a full trie). */
  start(): TrieNode {
    if (this.nodes >= LIMIT) {
      this.root = newNode(undefined);
      this.nodes = 0;
    }
    return this.root;
  }

  child(node: TrieNode, key: string | number): TrieNode {
    let kids = node.kids;
    if (kids === undefined) node.kids = kids = new Map();
    let next = kids.get(key);
    if (next === undefined) {
      kids.set(key, (next = newNode(undefined)));
      this.nodes++;
    }
    return next;
  }

  /**
   * child(node, text.slice(start, end)) without the slice when the path exists (the cue and source texts of
   * 14k attributions per MB were sliced only to be looked up). A hash collision falls back to child().
   */
  childSpan(node: TrieNode, text: string, start: number, end: number): TrieNode {
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
    let kids = node.spanKids;
    if (kids === undefined) node.spanKids = kids = new Map();
    const next = kids.get(h);
    if (next === undefined) {
      const fresh = newNode(text.slice(start, end));
      kids.set(h, fresh);
      this.nodes++;
      return fresh;
    }
    return sameChars(next.key as string, text, start, end) ? next : this.child(node, text.slice(start, end));
  }
}

function newNode(key: string | undefined): TrieNode {
  return { kids: undefined, spanKids: undefined, key, value: undefined };
}

function sameChars(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

export type { TrieNode };
