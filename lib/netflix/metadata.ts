/**
 * Netflix's metadata JSON (the member API's answer, also held in the player's memory) reduced to what
 * identification needs. The shape is Netflix's and may change: it is validated loosely and read defensively.
 */
import * as v from 'valibot';
import { cleanText } from './title-parser';

const Num = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e15));
const EpisodeSchema = v.object({ id: Num, seq: v.optional(Num), title: v.optional(v.pipe(v.string(), v.maxLength(500))) });
const SeasonSchema = v.object({ seq: v.optional(Num), episodes: v.optional(v.pipe(v.array(EpisodeSchema), v.maxLength(500))) });
export const MetadataSchema = v.object({
  video: v.object({
    id: Num,
    type: v.optional(v.pipe(v.string(), v.maxLength(30))),
    title: v.optional(v.pipe(v.string(), v.maxLength(500))),
    currentEpisode: v.optional(Num),
    seasons: v.optional(v.pipe(v.array(SeasonSchema), v.maxLength(100))),
  }),
});

export interface MetadataSignals {
  titleId: string;
  type?: string;
  showTitle?: string;
  season?: number;
  episode?: number;
  episodeTitle?: string;
}

/** Finds the playing video in a metadata document; for episodic titles `video.id` is the show. */
export function readMetadata(json: unknown, videoId: string): MetadataSignals | undefined {
  const parsed = v.safeParse(MetadataSchema, json);
  if (!parsed.success) return undefined;
  const { video } = parsed.output;
  const base: MetadataSignals = {
    titleId: String(video.id),
    type: video.type,
    showTitle: video.title ? cleanText(video.title) : undefined,
  };
  for (const season of video.seasons ?? [])
    for (const episode of season.episodes ?? [])
      if (String(episode.id) === videoId)
        return {
          ...base,
          season: season.seq,
          episode: episode.seq,
          episodeTitle: episode.title ? cleanText(episode.title) : undefined,
        };
  return base;
}
