/**
 * Sentences the panel builds from the background's data: the background returns reasons and numbers, and the
 * page that shows them owns the words, in the viewer's language (issue 16).
 */
import type { EpisodeContext, KeepReading } from '../../lib/views/context';
import { formatList, t } from '../i18n';
import { numbersText } from '../shared/issues';

/** "Volume 1", "Volumes 1 and 2". */
const volumeList = (volumes: number[]) => t('panel.keepReading.volumes', volumes.length, { list: formatList(volumes) });

/** Why `next.title` is the volume to read now. */
export function keepReadingText(next: KeepReading): string {
  switch (next.why) {
    case 'chapter-continues':
      return t('panel.keepReading.chapterContinues', {
        number: next.chapter.number,
        chapter: next.chapter.title,
        volume: next.title,
      });
    case 'issues': {
      const here = t('panel.keepReading.issues', { issues: numbersText(next.adapted), volume: next.title });
      return next.next ? `${here} ${t('panel.keepReading.issuesNext', { issues: numbersText(next.next) })}` : here;
    }
    case 'chapter-ends':
      return t('panel.keepReading.chapterEnds', { number: next.chapter.number, chapter: next.chapter.title, volume: next.title });
    case 'season-ends': {
      const covers = t('panel.keepReading.seasonCovers', { season: next.season, volumes: volumeList(next.volumes) });
      if (!next.nextWith) return covers;
      const later =
        'film' in next.nextWith
          ? t('panel.keepReading.nextWithFilm')
          : t('panel.keepReading.nextWithSeason', { season: next.nextWith.season });
      return `${covers} ${later}`;
    }
    case 'season-adapts':
      return t('panel.keepReading.seasonAdapts', next.volumes.length, {
        season: next.season,
        volumes: volumeList(next.volumes),
      });
    case 'read-all':
      return t('panel.keepReading.readAll');
    case 'read-up-to':
      return t('panel.keepReading.readUpTo', { read: next.read, title: next.title });
  }
}

/** "up to S1 · E2, read to Volume 2", "from the start", "Spoiler guard off". */
export function horizonText(horizon: EpisodeContext['horizon']): string {
  if (horizon.off) return t('panel.horizon.off');
  const where = horizon.upTo ? t('panel.horizon.upTo', { episode: horizon.upTo }) : t('panel.horizon.start');
  return horizon.volume > 0 ? t('panel.horizon.withVolume', { where, volume: horizon.volume }) : where;
}
