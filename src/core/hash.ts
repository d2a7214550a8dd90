// Hashes and random ids that run the same in Node and in VS Code's web worker (no `node:crypto`, no `Buffer`).
// Hashing stays synchronous (Web Crypto's digest is async) on the pure-JS @noble/hashes; strings are hashed as
// their UTF-8 from TextEncoder, which turns a lone surrogate into U+FFFD exactly as Node's `update(s, 'utf8')`
// does, so a sidecar hash or a derived id is the same byte for byte on the web and on the desktop.
import { sha1 } from '@noble/hashes/legacy';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

const utf8 = new TextEncoder();

export function sha1Bytes(text: string): Uint8Array {
  return sha1(utf8.encode(text));
}

export function sha1Hex(text: string): string {
  return bytesToHex(sha1Bytes(text));
}

export function sha256Bytes(text: string): Uint8Array {
  return sha256(utf8.encode(text));
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256Bytes(text));
}

/**
 * SHA-1 of several strings fed one after another, each encoded on its own (as successive `update(s)` calls
 * in Node), without building the whole text: a collection may have a million parts.
 */
export function sha1BytesOfParts(parts: Iterable<string>): Uint8Array {
  const h = sha1.create();
  for (const p of parts) h.update(utf8.encode(p));
  return h.digest();
}

/** A name-based UUID string: RFC 4122 version 5 layout over the first 16 bytes of a SHA-1 digest. */
export function uuidV5FromSha1(digest: Uint8Array): string {
  const b = digest.slice(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = bytesToHex(b);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A random (version 4) UUID from the platform's Web Crypto, present in Node 19+ and in browsers. */
export function randomUuid(): string {
  return globalThis.crypto.randomUUID();
}

/** `bytes` random bytes from Web Crypto as lowercase hex (2 characters a byte). */
export function randomHex(bytes: number): string {
  const b = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(b);
  return bytesToHex(b);
}
