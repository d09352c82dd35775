/**
 * What Prime Video's page shows of the video playing, gathered as signals for the background, which alone decides
 * what they mean (lib/identity/policy.ts):
 *   - the catalog entry of the page's own `playerChromeResources` request (#16), seen in the page world: its GTI is
 *     the video id (the URL's id does not change on autoplay, #4), with the show, season and episode;
 *   - the player's title and episode line (#8–#10), sent as its two parts (the background parses them, title.ts).
 * Both pass through the page, which can write either: they are page signals. Backstory does not ask Prime Video's
 * API itself (no route of its own is known, and its requests carry the page's session: lib/sites/server-ask.ts asks
 * nothing for this site), so on this site nothing is confirmed but by the viewer.
 * An ad is never an episode (#15): while one plays, and while the previous episode's title lingers after autoplay
 * (#4), the observation says something else is playing ('supplemental'), and the background waits.
 */
import type { SignalValue } from '../../identity/policy';
import type { Observed } from '../site';
import type { CatalogEntry } from './catalog-bridge';
import type { DomTitle } from './dom-reader';
import { normalizeTitle } from './normalize';

export interface PrimeReader {
  adPlaying(): boolean;
  title(): DomTitle | undefined;
  /** The title text that belonged to the previous video, until it changes. */
  staleText(): string | undefined;
  catalog(): Promise<CatalogEntry[] | undefined>;
}

export interface IdentifyTrace {
  ad?: boolean;
  stale?: boolean;
  title?: DomTitle;
  entry?: CatalogEntry;
  entries?: number;
}

/** Something other than the episode plays: the background waits (lib/identity/policy.ts). */
const NOT_THE_EPISODE: Observed = { signals: [{ kind: 'page-world', value: { type: 'supplemental' } }] };

/** A text of the page's catalog entry, unchecked until the background (catalog-bridge.ts): only a bounded string. */
const textOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 500) : '');

/** The catalog entry that says what the screen says (NCO pairs them the same way), else the newest. */
export function pickEntry(entries: CatalogEntry[], title: DomTitle | undefined): CatalogEntry | undefined {
  const newest = [...entries].sort((a, b) => b.at - a.at);
  if (!title) return newest[0];
  const show = normalizeTitle(title.showTitle ?? '');
  const agrees = newest.find(
    (e) =>
      normalizeTitle(textOf(e.type === 'episode' ? e.seriesTitle : e.title)) === show &&
      (e.type !== 'episode' || (e.season === title.line.season && e.episode === title.line.episode)),
  );
  return agrees ?? newest[0];
}

export async function observe(reader: PrimeReader, trace: IdentifyTrace = {}): Promise<Observed> {
  trace.ad = reader.adPlaying();
  if (trace.ad) return NOT_THE_EPISODE;
  const title = reader.title();
  trace.title = title;
  trace.stale = !!title && title.text === reader.staleText();
  if (trace.stale) return NOT_THE_EPISODE;
  const entries = (await reader.catalog()) ?? [];
  trace.entries = entries.length;
  const entry = pickEntry(entries, title);
  trace.entry = entry;
  // An ad may have started while the page world answered.
  if (reader.adPlaying()) return NOT_THE_EPISODE;
  const videoId = entry?.gti;
  const signals: Observed['signals'] = [];
  // The entry's texts and numbers go on as the page wrote them: the background checks each (catalog-bridge.ts).
  if (entry)
    signals.push({
      kind: 'page-world',
      value: (entry.type === 'episode'
        ? { videoId, showTitle: entry.seriesTitle, season: entry.season, episode: entry.episode, episodeTitle: entry.title }
        : { videoId, type: entry.type === 'movie' ? 'movie' : undefined, showTitle: entry.title }) as SignalValue,
    });
  if (title) signals.push({ kind: 'title-text', value: { parts: title.parts } });
  return { videoId, signals };
}
