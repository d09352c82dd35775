/**
 * The one rule for every link that comes from a provider (security review 2, R5: N14, N15), in the panel, the popup
 * and anywhere else: an https page on that provider's own host, nothing else (no other scheme, host, port or
 * credentials). TVmaze's and Wikidata's data are community-edited: a `javascript:` or phishing address there must
 * never become a link. Applied where the answers are read (lib/lookup/tvmaze.ts) and again where links are shown,
 * for answers cached before the rule.
 */
const HOSTS = { tvmaze: 'www.tvmaze.com', wikidata: 'www.wikidata.org' } as const;
export type Provider = keyof typeof HOSTS;

/** The link as https when it is a page of `provider`'s own site (older TVmaze answers say http); else undefined. */
export function providerLink(url: string | undefined, provider: Provider): string | undefined {
  if (!url) return undefined;
  const secure = url.replace(/^http:\/\//i, 'https://');
  // The written form too, not only the parsed one: parsers forgive forms like "https:host" or "https:/\host".
  if (!secure.startsWith(`https://${HOSTS[provider]}/`)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(secure);
  } catch {
    return undefined;
  }
  const own = parsed.protocol === 'https:' && parsed.hostname === HOSTS[provider] && !parsed.port;
  return own && !parsed.username && !parsed.password ? parsed.href : undefined;
}

/** Whether a link is a page of one of the providers' own sites. */
export function isProviderLink(url: string | undefined): boolean {
  return (Object.keys(HOSTS) as Provider[]).some((provider) => providerLink(url, provider) !== undefined);
}
