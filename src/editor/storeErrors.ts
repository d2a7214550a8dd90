// The one way a command shows a store refusal (TagStoreError): the message as is, with "Open Sidecar" when the
// sidecar is broken. Other errors are not the store's to explain and pass through unchanged.
import { showStoreMessage } from '../messages';
import { TagStoreError } from '../store/tagStore';
import { log } from '../util/log';

export function showStoreError(e: TagStoreError): void {
  showStoreMessage('error', e.message, e.document?.state === 'broken' ? e.document : undefined);
}

/**
 * Runs `fn`; a TagStoreError is shown and `fallback` returned (after `undo`, which puts back what `fn` already did),
 * anything else is rethrown.
 */
export async function withStoreErrors<T>(fn: () => Promise<T>, fallback: T, undo?: () => Promise<unknown>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof TagStoreError)) throw e;
    await undo?.().catch((u: unknown) => log.warn('Could not undo after a refused store change', u));
    showStoreError(e);
    return fallback;
  }
}
