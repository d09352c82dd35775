/**
 * Which episode plays, decided in the background for every site from what the site's content script observed.
 * Each signal arrives as data, `{kind, value, writer}`, and the writer is fixed by the kind (where the content
 * script read it: WRITER), never by anything the message or the page says. Who can write a signal decides
 * what it may do:
 *
 *   viewer  the viewer's own answer, given in an extension page (a correction)      → confirmed
 *   server  the site's metadata, fetched by the background from Backstory's route  → learn, confirm, progress
 *   page    page-world replies, DOM text, the URL, page events, routes the page named → a guess, never more
 *
 * So: page-writable signals alone may show a guess, but never learn, confirm or move progress; when the server
 * speaks it wins every conflict, and a mapping learned earlier is checked against it each time it can be asked
 * (corrected, or forgotten when the server places the video elsewhere). A stored mapping stands only while the
 * server cannot be asked, and counts as confirmed only if the server once vouched for it.
 * Pure: the background hands it `match` (signals → a known show's episode) and `recall` (what is stored for a
 * video id); it answers with the identification and what to store.
 */
import type { EpisodeSignals, Resolution, Stored, Writer } from '../db/resolve';

export type { Stored, Writer };
export type SignalKind = 'metadata' | 'page-metadata' | 'page-world' | 'title-text';

/** Who can write each kind of signal. 'page-metadata' is the metadata document from a route the page named. */
export const WRITER: Record<SignalKind, Writer> = {
  metadata: 'server',
  'page-metadata': 'page',
  'page-world': 'page',
  'title-text': 'page',
};

/** What one signal says of the video: every field optional, each site fills what it can read. */
export interface SignalValue {
  /** The video the signal speaks of (a page-world player session may still speak of the previous one). */
  videoId?: string;
  titleId?: string;
  /** 'supplemental' is something played before the episode (a recap). */
  type?: string;
  showTitle?: string;
  season?: number;
  episode?: number;
  episodeTitle?: string;
  /** The server's id of the episode playing, when asked with the show's id (a /watch/<showId> address). */
  episodeVideoId?: string;
}

export interface Signal {
  kind: SignalKind;
  writer: Writer;
  value: SignalValue;
}

/** What a content script may report: only what the page shows. The metadata kinds are the background's own. */
export type PageSignalKind = Exclude<SignalKind, 'metadata' | 'page-metadata'>;

/**
 * A signal as the content script sends it: its kind and what it read, never who wrote it (the background adds
 * that from the kind). A site whose title text needs parsing sends the text's parts; the background parses them.
 */
export interface ObservedSignal {
  kind: PageSignalKind;
  value: SignalValue & { parts?: string[] };
}

/**
 * What the background may ask the site's own server about (lib/sites/server-ask.ts), in the same message: the video
 * the page shows, and the metadata route the page named, which is asked last and whose answer is the page's word.
 */
export interface ServerAsk {
  videoId: string;
  pageRoute?: string;
}

/** One identification's worth of observations, in one message (`identifyEpisode`). */
export interface Observed {
  videoId?: string;
  signals: ObservedSignal[];
  ask?: ServerAsk;
  /**
   * The page world's catalog entries, for a site that pairs them with the screen in the background (the registry's
   * pairCatalog): the background picks one, and makes it the video id and a page-world signal before deciding.
   */
  catalog?: unknown[];
}

export const signal = (kind: SignalKind, value: SignalValue): Signal => ({ kind, writer: WRITER[kind], value });

export type Identification =
  | {
      status: 'resolved';
      /** The site's own id of the video (a site-local id: the background adds the site). */
      videoId?: string;
      showId: string;
      episodeId: string;
      via: Extract<Resolution, { status: 'resolved' }>['via'];
      /** The viewer said so, or the server vouches for it: only then may it count as watched. */
      confirmed: boolean;
    }
  /** Something other than the episode plays (a recap), or the page spoke of another video: ask again shortly. */
  | { status: 'waiting'; videoId?: string }
  | {
      status: 'unknown';
      videoId?: string;
      /** What the signals called it, shown as plain text in "no notes for …". */
      title?: string;
      showId?: string;
      /** 'conflict': page signals name different episodes of a known show, and the server did not settle it. */
      reason: 'unknown-show' | 'unknown-episode' | 'no-signal' | 'conflict';
      /** True when no title text was read (the controls were hidden), so a later look may do better. */
      titleMissing: boolean;
    };

export interface Observation {
  /** The video the page shows now (the site's DOM, else its URL): page-written, but it names what to ask about. */
  videoId?: string;
  signals: Signal[];
}

export interface Decision {
  identification: Identification;
  /** Remember this under `identification.videoId`: only ever what the server said. */
  learn?: EpisodeSignals;
  /** Forget what was learned for that video id: the server places it elsewhere. */
  unlearn?: boolean;
}

export interface PolicyDeps {
  match(signals: EpisodeSignals): Promise<Resolution>;
  recall(videoId: string): Promise<Stored | undefined>;
}

type Resolved = Extract<Resolution, { status: 'resolved' }>;
const same = (a: { showId: string; episodeId: string }, b: { showId: string; episodeId: string }) =>
  a.showId === b.showId && a.episodeId === b.episodeId;
const says = ({ titleId, showTitle, episode, episodeTitle }: SignalValue) =>
  titleId !== undefined || showTitle !== undefined || episode !== undefined || episodeTitle !== undefined;

export async function decide(observation: Observation, { match, recall }: PolicyDeps): Promise<Decision> {
  const signals = observation.signals.filter((s) => s.writer === WRITER[s.kind]);
  const server = signals.find((s) => s.writer === 'server');
  // A page signal about another video than the page shows is stale (a player session of the previous episode
  // right after autoplay), unless that video is the show the page's address names: it is not heard (#7).
  const shown = observation.videoId;
  const aboutShown = (v: SignalValue) => !shown || !v.videoId || v.videoId === shown || v.titleId === shown;
  const page = signals.filter((s) => s.writer === 'page' && aboutShown(s.value));
  const stale = signals.some((s) => s.writer === 'page' && !aboutShown(s.value));
  const videoId = server?.value.episodeVideoId ?? shown ?? page.find((s) => s.value.videoId)?.value.videoId;

  if (server ? server.value.type === 'supplemental' : page.some((s) => s.value.type === 'supplemental'))
    return { identification: { status: 'waiting', videoId } };

  const stored = videoId ? await recall(videoId) : undefined;
  const resolved = (r: { showId: string; episodeId: string; via: Resolved['via'] }, confirmed: boolean): Identification => ({
    status: 'resolved',
    videoId,
    showId: r.showId,
    episodeId: r.episodeId,
    via: r.via,
    confirmed,
  });
  if (stored?.writer === 'viewer') return { identification: resolved(stored, true) };

  let title: string | undefined;
  let best: Resolution | undefined;
  const tryMatch = async (s: Signal, extra: SignalValue = {}) => {
    const value = { ...extra, ...definedOnly(s.value) };
    title ??= value.showTitle ?? value.episodeTitle;
    const result = await match({ ...value, videoId, via: s.kind });
    if (result.status !== 'resolved' && (!best || best.status === 'unknown-show')) best = result;
    return result;
  };

  // The server speaks: it wins. What it places is learned (replacing anything else stored for the video).
  const fromServer = server && says(server.value) ? await tryMatch(server) : undefined;
  if (fromServer?.status === 'resolved') {
    const learned = stored && same(stored, fromServer) && stored.writer === 'server';
    const { titleId, showTitle, season, episode, episodeTitle } = server?.value ?? {};
    return {
      identification: resolved(fromServer, true),
      learn: learned ? undefined : { videoId, titleId, showTitle, season, episode, episodeTitle, via: 'metadata' },
    };
  }
  // A page signal may borrow the show and season only from the server ("E3" in a title block has no season).
  const hint = server ? { titleId: server.value.titleId, season: server.value.season } : {};
  const fromPage: Resolved[] = [];
  for (const s of page) {
    if (!says(s.value)) continue;
    const result = await tryMatch(s, definedOnly(hint));
    // The server named the show but not an episode we know: a page guess about another show is not heard.
    if (result.status === 'resolved' && !(fromServer?.status === 'unknown-episode' && result.showId !== fromServer.showId))
      fromPage.push(result);
  }
  const decision = (identification: Identification): Decision => ({
    identification,
    // The server placed the video outside what was stored: a mapping it never vouched for, or now contradicts, goes.
    unlearn:
      stored !== undefined &&
      fromServer !== undefined &&
      (fromServer.status === 'unknown-show' || fromServer.showId !== stored.showId),
  });

  if (fromServer?.status === 'unknown-show') return decision(unknown('unknown-show', videoId, title, undefined, signals));
  // The server cannot be asked (or knows the show but not which episode): a stored mapping stands against the
  // page, confirmed only if the server once vouched for it.
  if (stored && (!fromServer || fromServer.showId === stored.showId))
    return decision(resolved(stored, stored.writer === 'server'));
  const first = fromPage[0];
  if (first && fromPage.every((r) => same(r, first))) return decision(resolved(first, false));
  if (first) return decision(unknown('conflict', videoId, title, first.showId, signals));
  // Nothing said of the shown video, only of another: look again shortly, the page will catch up.
  if (stale && !fromServer) return decision({ status: 'waiting', videoId });
  // With "E3" and no season, the page's own season may place it, for display only.
  const pageHint = page.find((s) => s.kind === 'page-world' && (s.value.season !== undefined || s.value.titleId));
  const title2 = page.find((s) => s.kind === 'title-text');
  if (!fromServer && pageHint && title2) {
    const result = await tryMatch(title2, definedOnly({ titleId: pageHint.value.titleId, season: pageHint.value.season }));
    if (result.status === 'resolved') return decision(resolved(result, false));
  }
  const b = best as Resolution | undefined;
  if (b?.status === 'unknown-episode') return decision(unknown('unknown-episode', videoId, title, b.showId, signals));
  return decision(unknown(title ? 'unknown-show' : 'no-signal', videoId, title, undefined, signals));
}

function unknown(
  reason: Extract<Identification, { status: 'unknown' }>['reason'],
  videoId: string | undefined,
  title: string | undefined,
  showId: string | undefined,
  signals: Signal[],
): Identification {
  return { status: 'unknown', videoId, title, showId, reason, titleMissing: !signals.some((s) => s.kind === 'title-text') };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
