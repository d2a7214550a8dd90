// A cross-process lock on one file, shared by the CLI and the editor: `.<name>.lock` beside it, created with
// O_EXCL (`wx`) so exactly one process can create it, holding who took it (pid, host, time). A lock whose owner
// is gone (a dead pid on this host) or that is older than `staleMs` is taken over; a live one is waited for,
// at most `timeoutMs`, then the caller gets a LockTimeoutError that says who holds it.
// Only Node's portable file calls are used, so it behaves the same on Windows, macOS and Linux.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { processAlive } from './processAlive';

export interface LockOptions {
  /** Give up waiting after this long (ms). */
  timeoutMs?: number;
  /** A lock older than this (ms) is stale whoever holds it: writes hold it for milliseconds. */
  staleMs?: number;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 15_000;
export const DEFAULT_LOCK_STALE_MS = 60_000;
/** A lock file still empty after this long was left by a process killed between creating and filling it. */
const EMPTY_LOCK_STALE_MS = 2_000;

interface LockOwner {
  pid: number;
  host: string;
  time: number;
  token: string;
}

export class LockTimeoutError extends Error {
  constructor(readonly file: string, readonly lockFile: string, readonly owner: LockOwner | undefined, waitedMs: number) {
    super(`${file} is being written by ${owner ? `process ${owner.pid} on ${owner.host} (since ${new Date(owner.time).toISOString()})` : 'another process'}; ` +
      `gave up after ${Math.round(waitedMs / 1000)} s. Try again; if no such process is running, delete ${lockFile}.`);
    this.name = 'LockTimeoutError';
  }
}

export function lockFileFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

/** Runs `fn` while holding the lock of `file`; the lock is released however `fn` ends. */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquireFileLock(file, options);
  try {
    return await fn();
  } finally {
    await release();
  }
}

export async function acquireFileLock(file: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_LOCK_STALE_MS;
  const lockFile = lockFileFor(file);
  await fs.mkdir(path.dirname(lockFile), { recursive: true });
  const me: LockOwner = { pid: process.pid, host: os.hostname(), time: Date.now(), token: crypto.randomBytes(8).toString('hex') };
  const started = Date.now();
  let delay = 5;
  for (;;) {
    me.time = Date.now();
    if (await tryCreate(lockFile, me)) return () => release(lockFile, me.token);
    const held = await readOwner(lockFile);
    if (held !== 'gone' && (await isStale(lockFile, held, staleMs))) await breakStaleLock(lockFile, held, staleMs);
    else if (held !== 'gone' && Date.now() - started >= timeoutMs) throw new LockTimeoutError(file, lockFile, held, Date.now() - started);
    else await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 100);
  }
}

async function tryCreate(lockFile: string, owner: LockOwner): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(lockFile, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // Windows reports a file being deleted by another process as EPERM: treat it as taken, retry.
    if (process.platform === 'win32' && (e as NodeJS.ErrnoException).code === 'EPERM') return false;
    throw e;
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
  } finally {
    await handle.close();
  }
  return true;
}

/** The lock's owner; undefined when the file is unreadable or half-written; 'gone' when it has just been released. */
async function readOwner(lockFile: string): Promise<LockOwner | undefined | 'gone'> {
  let raw: string;
  try {
    raw = await fs.readFile(lockFile, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : undefined;
  }
  try {
    const o = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.time === 'number' && typeof o.token === 'string') return o as LockOwner;
  } catch {
    // half-written or foreign: judged by its age below
  }
  return undefined;
}

async function isStale(lockFile: string, owner: LockOwner | undefined, staleMs: number): Promise<boolean> {
  if (!owner) {
    const st = await fs.stat(lockFile).catch(() => undefined);
    return !!st && Date.now() - st.mtimeMs > Math.min(EMPTY_LOCK_STALE_MS, staleMs);
  }
  if (owner.host === os.hostname() && !processAlive(owner.pid)) return true;
  return Date.now() - owner.time > staleMs || owner.time > Date.now() + staleMs;
}

/**
 * Removes a stale lock without removing a fresh one taken meanwhile: under a second, short-lived `.break` lock,
 * the lock is read again and removed only if it is still the stale one.
 */
async function breakStaleLock(lockFile: string, seen: LockOwner | undefined, staleMs: number): Promise<void> {
  const breaker = `${lockFile}.break`;
  const me: LockOwner = { pid: process.pid, host: os.hostname(), time: Date.now(), token: crypto.randomBytes(8).toString('hex') };
  if (!(await tryCreate(breaker, me))) {
    // Someone else is breaking it; a breaker left by a killed process is itself stale after a short while.
    const other = await readOwner(breaker);
    if (other !== 'gone' && (await isStale(breaker, other, Math.min(staleMs, 5_000)))) await fs.rm(breaker, { force: true });
    else await sleep(5);
    return;
  }
  try {
    const now = await readOwner(lockFile);
    if (now === 'gone') return;
    const same = now === undefined ? seen === undefined : seen !== undefined && now.token === seen.token;
    if (same && (await isStale(lockFile, now, staleMs))) await fs.rm(lockFile, { force: true });
  } finally {
    await release(breaker, me.token);
  }
}

/** Removes the lock if it is still ours (it may have been broken as stale and taken by another process). */
async function release(lockFile: string, token: string): Promise<void> {
  const owner = await readOwner(lockFile);
  if (owner && owner !== 'gone' && owner.token === token) await fs.rm(lockFile, { force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
