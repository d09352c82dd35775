/**
 * Where a viewer is in the story, and whether something may be shown there.
 * Episodes are compared by their position in broadcast order (the film comes after the last episode).
 */
import type { Horizon, Pack, Stage } from './schema';

export interface ViewerHorizon {
  /** Position of the furthest episode reached (playing or watched); Infinity when the guard is off. */
  episodeOrdinal: number;
  /** Position of the furthest episode watched to its end; what a reached but unwatched episode unlocks waits. */
  watchedOrdinal: number;
  /** Highest comic volume the viewer has read; 0 for none. */
  volume: number;
}

export type EpisodeOrder = ReadonlyMap<string, number>;

/** Episode id -> 1-based position in broadcast order; the film follows the last episode. */
export function episodeOrder(pack: Pick<Pack, 'episodes' | 'film'>): EpisodeOrder {
  const sorted = [...pack.episodes].sort((a, b) => a.season - b.season || a.number - b.number);
  const order = new Map(sorted.map((e, i) => [e.id, i + 1] as const));
  if (pack.film) order.set(pack.film.id, sorted.length + 1);
  return order;
}

/**
 * True when the horizon has been passed on either axis. An episode horizon is passed once that episode is
 * watched or a later one reached; with `at: 'start'`, as soon as the episode is reached. Unknown episode ids
 * never unlock anything.
 */
export function isVisible(horizon: Horizon, viewer: ViewerHorizon, order: EpisodeOrder): boolean {
  if (horizon.episode !== undefined) {
    const at = order.get(horizon.episode);
    if (at !== undefined) {
      if (horizon.at === 'start' ? viewer.episodeOrdinal >= at : viewer.episodeOrdinal > at || viewer.watchedOrdinal >= at)
        return true;
    }
  }
  return horizon.volume !== undefined && viewer.volume >= horizon.volume;
}

/** True when the episode has been reached: its cast may be listed and its set-up line shown. */
export function isReached(episodeId: string, viewer: ViewerHorizon, order: EpisodeOrder): boolean {
  const at = order.get(episodeId);
  return at !== undefined && viewer.episodeOrdinal >= at;
}

/** The latest stage of a staged text that the viewer may see; the first stage is always at the start. */
export function currentStage<T extends Stage>(stages: readonly T[], visible: (h: Horizon) => boolean): T | undefined {
  let shown: T | undefined;
  for (const stage of stages) if (visible(stage.horizon)) shown = stage;
  return shown;
}

export type GuardMode = 'furthest' | 'current' | 'off';

/**
 * The viewer's horizon for a guard mode. "current": up to the episode on screen; "furthest": up to the furthest
 * episode watched, when that is later. Either way the episode on screen unlocks its own notes and synopsis only
 * once it has been watched.
 */
export function viewerHorizon(
  mode: GuardMode,
  currentOrdinal: number,
  furthestOrdinal: number,
  readVolume: number,
): ViewerHorizon {
  if (mode === 'off')
    return {
      episodeOrdinal: Number.POSITIVE_INFINITY,
      watchedOrdinal: Number.POSITIVE_INFINITY,
      volume: Number.POSITIVE_INFINITY,
    };
  // The premiere is the floor: its cast and set-up are what anyone opening Backstory is about to see.
  const episodeOrdinal = Math.max(1, mode === 'furthest' ? Math.max(currentOrdinal, furthestOrdinal) : currentOrdinal);
  const watchedOrdinal = mode === 'furthest' ? furthestOrdinal : Math.min(furthestOrdinal, episodeOrdinal);
  return { episodeOrdinal, watchedOrdinal, volume: readVolume };
}

/**
 * True when a text with horizon `h` can never be shown before `point` is known, on either axis: wherever the
 * text unlocks by watching, the point is on screen no later (a point at an episode's `start` is known from its
 * first minute; otherwise once it is watched); wherever it unlocks by reading, the point is in a volume read. A
 * point with no episode is not on screen, so no text unlocked by watching may give it away; one with no volume is
 * not in the comics, so no text unlocked by reading may.
 */
export function isNotBefore(h: Horizon, point: Partial<Horizon>, order: EpisodeOrder): boolean {
  const step = (x: Partial<Horizon>) => {
    const at = x.episode === undefined ? undefined : order.get(x.episode);
    return at === undefined ? undefined : at * 2 - (x.at === 'start' ? 1 : 0);
  };
  if (h.episode !== undefined) {
    const text = step(h);
    const known = step(point);
    if (text === undefined || known === undefined || text < known) return false;
  }
  if (h.volume !== undefined && (point.volume === undefined || h.volume < point.volume)) return false;
  return true;
}
