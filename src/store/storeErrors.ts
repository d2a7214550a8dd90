// Refusals the store hands to commands: an error shown as is, and the check that refuses a tag the schema rejects.
import { Tag } from '../core/model';
import { validateTag } from '../core/sidecar/format';
import { DocumentTags } from './documentTags';

/** Thrown when a document cannot be tagged; `message` is shown to the user as is. */
export class TagStoreError extends Error {
  constructor(
    message: string,
    readonly document?: DocumentTags,
  ) {
    super(message);
  }
}

/** A tag the schema rejects (e.g. a kind named "constructor") would pause tagging of the document on the next load. */
export function assertValid(tags: readonly Tag[]): void {
  for (const tag of tags) {
    const check = validateTag(tag);
    if (!check.ok) throw new TagStoreError(`Claim Tagger cannot save this tag: the ${check.message}.`);
  }
}
