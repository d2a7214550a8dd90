// schema.org ClaimReview (JSON-LD): one ClaimReview per claim that has a verdict (unreviewed claims are
// left out), ready for a fact-checker to publish. The output is a JSON array of standalone objects,
// each with its own @context, so any one of them can be embedded in a page.
// Who is named comes only from what the caller states: the outlet (the review's author, an Organization),
// the article URL and the claimant from options or the document; a tag's author (often an OS user name)
// is never published as an Organization, and a machine path never as the appearance.
import { ClaimStatus, Tag } from '../model';
import { ChunkWriter, writeJson } from './chunks';
import { ReportDocument, Resolved, STATUS_LABELS, claimStatus, hasUsableRange, htmlSafeJson, isDateTime, publicIri, sortedTags, sourceText } from './common';
import { httpUrl } from '../url';

/** Rating on a 1 (worst) to 5 (best) scale; unverifiable claims get a verdict name but no number. */
export const STATUS_RATING: Partial<Record<ClaimStatus, number>> = { false: 1, misleading: 2, disputed: 3, verified: 5 };

/** The attribution whose span contains the claim (who made it), if any. */
function claimant(doc: ReportDocument, claim: Tag): string | undefined {
  const length = typeof doc.text === 'string' ? doc.text.length : undefined;
  if (!hasUsableRange(claim, length)) return undefined;
  const around = doc.tags.filter((t) => t.kind === 'attribution' && hasUsableRange(t, length) && t.start <= claim.start && t.end >= claim.end && sourceText(t.source));
  around.sort((a, b) => (a.end - a.start) - (b.end - b.start));
  return around.length ? sourceText(around[0].source) : undefined;
}

export function renderClaimReviewChunks(r: Resolved, docs: ReportDocument[]): string[] {
  const reviews: unknown[] = [];
  const outlet = typeof r.options.outlet === 'string' ? r.options.outlet.trim() : '';
  const defaultClaimant = typeof r.options.claimant === 'string' ? r.options.claimant.trim() : '';
  for (const doc of docs) {
    const appearanceUrl = publicIri(doc, r.options);
    for (const tag of sortedTags(doc)) {
      if (tag.kind !== 'claim') continue;
      const status = claimStatus(tag);
      if (status === 'unreviewed') continue;
      const rating: Record<string, unknown> = { '@type': 'Rating', alternateName: STATUS_LABELS[status] };
      const value = STATUS_RATING[status];
      if (value !== undefined) Object.assign(rating, { ratingValue: value, bestRating: 5, worstRating: 1 });
      const claim: Record<string, unknown> = {
        '@type': 'Claim',
        appearance: { '@type': 'CreativeWork', url: appearanceUrl, name: doc.name },
      };
      const who = claimant(doc, tag) || defaultClaimant;
      if (who) claim.author = { '@type': 'Person', name: who };
      const review: Record<string, unknown> = {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: tag.quote ?? '',
        reviewRating: rating,
        itemReviewed: claim,
      };
      if (outlet) review.author = { '@type': 'Organization', name: outlet };
      const date = isDateTime(tag.modified) ? tag.modified.slice(0, 10) : r.generated.toISOString().slice(0, 10);
      review.datePublished = date;
      if (tag.note) review.reviewBody = tag.note;
      const evidence = (tag.links ?? []).map(httpUrl).filter((u): u is string => !!u);
      if (evidence.length) review.citation = evidence.map((url) => ({ '@type': 'CreativeWork', url }));
      reviews.push(review);
    }
  }
  const out = new ChunkWriter();
  writeJson(out, reviews, htmlSafeJson);
  out.write('\n');
  return out.done();
}
