/**
 * Where a viewer is in the story, and whether a note may be shown there.
 * Episodes are compared by their position in broadcast order (the film comes after the last episode).
 */
import type { Horizon, Pack } from './schema';

export interface ViewerHorizon {
  /** Position of the furthest episode the viewer may see notes for; Infinity when the guard is off. */
  episodeOrdinal: number;
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

/** True when the note's horizon has been reached on either axis. Unknown episode ids never unlock anything. */
export function isVisible(horizon: Horizon, viewer: ViewerHorizon, order: EpisodeOrder): boolean {
  if (horizon.episode !== undefined) {
    const at = order.get(horizon.episode);
    if (at !== undefined && viewer.episodeOrdinal >= at) return true;
  }
  return horizon.volume !== undefined && viewer.volume >= horizon.volume;
}

export type GuardMode = 'furthest' | 'current' | 'off';

/** The viewer's horizon for a guard mode: the current episode, or the furthest watched when that is later. */
export function viewerHorizon(
  mode: GuardMode,
  currentOrdinal: number,
  furthestOrdinal: number,
  readVolume: number,
): ViewerHorizon {
  if (mode === 'off') return { episodeOrdinal: Number.POSITIVE_INFINITY, volume: Number.POSITIVE_INFINITY };
  // The premiere is the floor: its cast and set-up are what anyone opening Backstory is about to see.
  const episodeOrdinal = Math.max(1, mode === 'furthest' ? Math.max(currentOrdinal, furthestOrdinal) : currentOrdinal);
  return { episodeOrdinal, volume: readVolume };
}
