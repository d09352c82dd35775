/**
 * Sentences the panel builds from the background's data: the background returns reasons and numbers, and the
 * page that shows them owns the words (the seam that lets the UI be translated, issue 16).
 */
import type { EpisodeContext, KeepReading } from '../../lib/views/context';

const volumeList = (volumes: number[]) => (volumes.length === 1 ? `Volume ${volumes[0]}` : `Volumes ${volumes.join(' and ')}`);

/** Why `next.title` is the volume to read now. */
export function keepReadingText(next: KeepReading): string {
  switch (next.why) {
    case 'chapter-continues':
      return `This episode adapts part of chapter ${next.chapter.number}, "${next.chapter.title}", in ${next.title}; the next episode goes on with it.`;
    case 'chapter-ends':
      return `This episode takes the story to the end of chapter ${next.chapter.number}, "${next.chapter.title}", in ${next.title}.`;
    case 'season-ends': {
      const covers = `Season ${next.season} covers ${volumeList(next.volumes)}.`;
      if (!next.nextWith) return covers;
      const film = 'film' in next.nextWith;
      const later = film ? 'the film' : `season ${(next.nextWith as { season: number }).season}`;
      return `${covers} The next volume goes with ${later}: read it alongside ${film ? 'the film' : 'that season'}.`;
    }
    case 'season-adapts':
      return `Season ${next.season} adapts ${volumeList(next.volumes)}: read ${next.volumes.length === 1 ? 'it' : 'them'} alongside it.`;
    case 'read-all':
      return 'You have read every volume.';
    case 'read-up-to':
      return `You have read up to Volume ${next.read}, so ${next.title} is next.`;
  }
}

/** "up to S1 · E2, read to Volume 2", "from the start", "Spoiler guard off". */
export function horizonText(horizon: EpisodeContext['horizon']): string {
  if (horizon.off) return 'Spoiler guard off';
  const where = horizon.upTo ? `up to ${horizon.upTo}` : 'from the start';
  return horizon.volume > 0 ? `${where}, read to Volume ${horizon.volume}` : where;
}
