// The sidecar's `textHash` over the whole document is pure-JS SHA-256 (~14 ms per MB): one write builds the sidecar
// content at least twice (before and inside SidecarFiles.update), and successive writes of an unchanged text
// (tagging without editing) would hash it again each time. This keeps the last text hashed per document.
import { textHash } from '../core/sidecar/format';

export class TextHashCache<K extends object> {
  private readonly last = new WeakMap<K, { text: string; hash: string }>();

  constructor(private readonly hash: (text: string) => string = textHash) {}

  /** The hash of `text`, reusing the last one computed for `key` when the text is the same. */
  of(key: K, text: string): string {
    const hit = this.last.get(key);
    if (hit && hit.text === text) return hit.hash;
    const hash = this.hash(text);
    this.last.set(key, { text, hash });
    return hash;
  }
}
