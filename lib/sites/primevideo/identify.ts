/**
 * Works out which episode Prime Video plays, and how sure it is. Two signals, each matched on its own:
 *   1. the catalog entry of the page's own `playerChromeResources` request (#16), seen in the page world: its GTI
 *      is the video id (the URL's id does not change on autoplay, #4), with show, season and episode;
 *   2. the player's title and episode line (#8–#10), in any of their forms.
 * Neither is the site's server answering the extension: both pass through the page, which can write either, so
 * neither outranks the other (the content script cannot ask Prime's API itself: another host, the page's
 * session). Only when both agree is the answer remembered under the GTI and called confirmed.
 * An ad is never an episode (#15): while one plays nothing is identified, and so nothing is learned.
 * After autoplay the old title lingers for a moment (#4, PMD+): it is waited out, never identified.
 */
import type { EpisodeSignals, Resolution } from '../../db/resolve';
import type { Identification, Resolve } from '../site';
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
  title?: DomTitle;
  entry?: CatalogEntry;
  entries?: number;
}

type Resolved = Extract<Resolution, { status: 'resolved' }>;
const same = (a: Resolved, b: Resolved) => a.showId === b.showId && a.episodeId === b.episodeId;

/** The catalog entry that says what the screen says (NCO pairs them the same way), else the newest. */
export function pickEntry(entries: CatalogEntry[], title: DomTitle | undefined): CatalogEntry | undefined {
  const newest = [...entries].sort((a, b) => b.at - a.at);
  if (!title) return newest[0];
  const show = normalizeTitle(title.showTitle ?? '');
  const agrees = newest.find(
    (e) =>
      normalizeTitle(e.type === 'episode' ? (e.seriesTitle ?? '') : (e.title ?? '')) === show &&
      (e.type !== 'episode' || (e.season === title.line.season && e.episode === title.line.episode)),
  );
  return agrees ?? newest[0];
}

export function signalsOfEntry(entry: CatalogEntry, videoId: string): EpisodeSignals {
  return entry.type === 'episode'
    ? {
        videoId,
        showTitle: entry.seriesTitle,
        season: entry.season,
        episode: entry.episode,
        episodeTitle: entry.title,
        via: 'page-world',
      }
    : { videoId, showTitle: entry.title, via: 'page-world' };
}

export async function identify(reader: PrimeReader, resolve: Resolve, trace: IdentifyTrace = {}): Promise<Identification> {
  trace.ad = reader.adPlaying();
  if (trace.ad) return { status: 'waiting' };
  const title = reader.title();
  trace.title = title;
  if (title && title.text === reader.staleText()) return { status: 'waiting' };
  const entries = (await reader.catalog()) ?? [];
  trace.entries = entries.length;
  const entry = pickEntry(entries, title);
  trace.entry = entry;
  const videoId = entry?.gti;
  // An ad may have started while the page world answered.
  if (reader.adPlaying()) return { status: 'waiting', videoId };

  let shown: string | undefined;
  let best: Resolution | undefined;
  const match = async (signals: EpisodeSignals) => {
    shown ??= signals.showTitle ?? signals.episodeTitle;
    const result = await resolve(signals);
    if (result.status === 'resolved') return { signals, result };
    if (!best || best.status === 'unknown-show') best = result;
    return undefined;
  };
  const done = (hit: Resolved, confirmed: boolean): Identification => ({ ...hit, videoId, confirmed });

  const known = videoId ? await resolve({ videoId, via: 'url' }) : undefined;
  if (known?.status === 'resolved' && known.via === 'correction') return done(known, true);
  const learned = known?.status === 'resolved' ? known : undefined;

  const fromCatalog = entry && videoId ? await match(signalsOfEntry(entry, videoId)) : undefined;
  const fromTitle = title?.showTitle
    ? await match({ videoId, showTitle: title.showTitle, ...title.line, via: 'title-text' })
    : undefined;
  const fresh = [fromCatalog, fromTitle].filter((f) => f !== undefined);
  if (fromCatalog && fromTitle && same(fromCatalog.result, fromTitle.result)) {
    await resolve({ ...fromCatalog.signals, learn: true });
    return done(fromCatalog.result, true);
  }
  if (learned) return done(learned, true);
  const first = fresh[0];
  if (first && fresh.every((f) => same(f.result, first.result))) return done(first.result, false);
  const unknown = best as Resolution | undefined;
  const conflict = fresh.length > 1;
  return {
    status: 'unknown',
    videoId,
    title: shown,
    showId: conflict ? first?.result.showId : unknown?.status === 'unknown-episode' ? unknown.showId : undefined,
    reason: conflict
      ? 'conflict'
      : unknown?.status === 'unknown-episode'
        ? 'unknown-episode'
        : shown
          ? 'unknown-show'
          : 'no-signal',
    titleMissing: title === undefined,
  };
}
