// The one test of what may become a link or a published address: an absolute http(s) URL, nothing else
// (no javascript:, data:, file: or relative links), written without white space, angle brackets or quotes.

/** The link as a normalised URL when it is an absolute http(s) URL, else undefined. */
export function httpUrl(link: string | undefined): string | undefined {
  if (typeof link !== 'string') return undefined;
  const v = link.trim();
  if (!/^https?:\/\/[^\s<>"]+$/i.test(v)) return undefined;
  try {
    return new URL(v).href;
  } catch {
    return undefined;
  }
}

export function isHttpUrl(link: string): boolean {
  return httpUrl(link) !== undefined;
}
