/**
 * Netflix's metadata JSON (the member API's answer) reduced to what identification needs. The shape is
 * Netflix's and may change: lib/netflix/video-document.ts reads it defensively and bounded, and every text that
 * comes out of it is cleaned here, because it came from the network.
 */
import { cleanText } from './title-parser';
import { readVideoDocument, type VideoFacts } from './video-document';

export type MetadataSignals = VideoFacts & {
  /** Answered on a route the page named, not Backstory's own: the page's word then, not the server's. */
  fromPage?: true;
};

/** The playing episode in a metadata document; for episodic titles `video.id` is the show. */
export function readMetadata(json: unknown, videoId: string): MetadataSignals | undefined {
  const video = json !== null && typeof json === 'object' ? (json as { video?: unknown }).video : undefined;
  const facts = readVideoDocument(video, videoId);
  if (!facts) return undefined;
  const clean = (value?: string) => (value ? cleanText(value) || undefined : undefined);
  return {
    ...facts,
    type: clean(facts.type)?.slice(0, 30),
    showTitle: clean(facts.showTitle),
    episodeTitle: clean(facts.episodeTitle),
  };
}
