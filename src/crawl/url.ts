/**
 * Canonical URLs, so that a page is fetched once: lowercase scheme and host, no default port, no fragment,
 * no tracking parameters, no trailing slash (except the root), percent-encoding as WHATWG URL writes it.
 */

/** Query parameters that only track the reader. */
export const TRACKING_PARAMS: readonly RegExp[] = [
  /^utm_/i, /^fbclid$/i, /^gclid$/i, /^dclid$/i, /^msclkid$/i, /^zarsrc$/i, /^zaloid$/i, /^_ga$/i, /^mc_[ce]id$/i,
  /^ref$/i, /^ref_src$/i, /^igshid$/i, /^gidzl$/i,
];

export function canonicalizeUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = base ? new URL(input, base) : new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) url.port = '';
  const keep = [...url.searchParams.entries()].filter(([k]) => !TRACKING_PARAMS.some((re) => re.test(k)));
  url.search = '';
  for (const [k, v] of keep) url.searchParams.append(k, v);
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

export function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase();
}
