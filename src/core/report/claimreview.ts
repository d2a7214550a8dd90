// schema.org ClaimReview (JSON-LD): one ClaimReview per claim that has a verdict (unreviewed claims are
// left out), ready for a fact-checker to publish. The output is a JSON array of standalone objects,
// each with its own @context, so any one of them can be embedded in a page.
import { ClaimStatus, Tag } from '../model';
import { ReportDocument, Resolved, STATUS_LABELS, claimStatus, documentIri, hasUsableRange, isDateTime, jsonForHtml, sortedTags, sourceText } from './common';
import { httpUrl } from './text';

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

export function renderClaimReview(r: Resolved, docs: ReportDocument[]): string {
  const reviews: unknown[] = [];
  for (const doc of docs) {
    const appearanceUrl = documentIri(doc.uri);
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
      const who = claimant(doc, tag);
      if (who) claim.author = { '@type': 'Person', name: who };
      const review: Record<string, unknown> = {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: tag.quote ?? '',
        reviewRating: rating,
        itemReviewed: claim,
      };
      const author = r.author ?? tag.author?.trim();
      if (author) review.author = { '@type': 'Organization', name: author };
      const date = isDateTime(tag.modified) ? tag.modified.slice(0, 10) : r.generated.toISOString().slice(0, 10);
      review.datePublished = date;
      if (tag.note) review.reviewBody = tag.note;
      const evidence = (tag.links ?? []).map(httpUrl).filter((u): u is string => !!u);
      if (evidence.length) review.citation = evidence.map((url) => ({ '@type': 'CreativeWork', url }));
      reviews.push(review);
    }
  }
  return jsonForHtml(reviews);
}
