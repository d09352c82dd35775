/**
 * What Prime Video's page shows of the video playing, gathered as signals for the background, which alone decides
 * what they mean (lib/identity/policy.ts):
 *   - the catalog entry of the page's own `playerChromeResources` request (#16), seen in the page world: its GTI is
 *     the video id (the URL's id does not change on autoplay, #4), with the show, season and episode;
 *   - the player's title and episode line (#8–#10), sent as its two parts (the background parses them, title.ts).
 * The entries go as the hook delivered them (catalog-bridge.ts: up to 6, each GTI checked): the background pairs the
 * one that agrees with the screen (pair.ts), so the injected script carries no episode-line parser nor normaliser.
 * Both pass through the page, which can write either: they are page signals. Backstory does not ask Prime Video's
 * API itself (no route of its own is known, and its requests carry the page's session: lib/sites/server-ask.ts asks
 * nothing for this site), so on this site nothing is confirmed but by the viewer.
 * An ad is never an episode (#15): while one plays, and while the previous episode's title lingers after autoplay
 * (#4), the observation says something else is playing ('supplemental'), and the background waits.
 */
import type { Observed } from '../site';
import type { CatalogEntry } from './catalog-bridge';
import type { DomTitle } from './dom-reader';

export interface PrimeReader {
  adPlaying(): boolean;
  title(): DomTitle | undefined;
  /** The title text that belonged to the previous video, until it changes. */
  staleText(): string | undefined;
  catalog(): Promise<CatalogEntry[] | undefined>;
}

/** What the diagnostics show (diagnostics.ts pairs the entries as the background did). */
export interface IdentifyTrace {
  ad?: boolean;
  stale?: boolean;
  title?: DomTitle;
  entries?: CatalogEntry[];
}

/** Something other than the episode plays: the background waits (lib/identity/policy.ts). */
const NOT_THE_EPISODE: Observed = { signals: [{ kind: 'page-world', value: { type: 'supplemental' } }] };

export async function observe(reader: PrimeReader, trace: IdentifyTrace = {}): Promise<Observed> {
  trace.ad = reader.adPlaying();
  if (trace.ad) return NOT_THE_EPISODE;
  const title = reader.title();
  trace.title = title;
  trace.stale = !!title && title.text === reader.staleText();
  if (trace.stale) return NOT_THE_EPISODE;
  const entries = (await reader.catalog()) ?? [];
  trace.entries = entries;
  // An ad may have started while the page world answered.
  if (reader.adPlaying()) return NOT_THE_EPISODE;
  return {
    signals: title ? [{ kind: 'title-text', value: { parts: title.parts } }] : [],
    ...(entries.length ? { catalog: entries } : {}),
  };
}
