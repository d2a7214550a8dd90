// Explanations repeat: the same cue words, sources, categories and sentence scores recur across a text, so
// each distinct explanation is built once and shared by every suggestion that has it (30k suggestions per MB
// each carrying its own concatenated string was a large part of what the garbage collector had to copy).
//
// A trie keyed by a sequence of strings or numbers (the inputs of the explanation, in a fixed order): exact, and a look-up
// allocates nothing when the path exists. Bounded: when it holds LIMIT nodes it starts afresh.

interface TrieNode {
  kids: Map<string | number, TrieNode> | undefined;
  value: string | undefined;
}

const LIMIT = 50_000;

export class StringTrie {
  private root: TrieNode = { kids: undefined, value: undefined };
  private nodes = 0;

  /** The root, to walk from with child(); call once per look-up (it may reset a full trie). */
  start(): TrieNode {
    if (this.nodes >= LIMIT) {
      this.root = { kids: undefined, value: undefined };
      this.nodes = 0;
    }
    return this.root;
  }

  child(node: TrieNode, key: string | number): TrieNode {
    let kids = node.kids;
    if (kids === undefined) node.kids = kids = new Map();
    let next = kids.get(key);
    if (next === undefined) {
      kids.set(key, (next = { kids: undefined, value: undefined }));
      this.nodes++;
    }
    return next;
  }
}

export type { TrieNode };
