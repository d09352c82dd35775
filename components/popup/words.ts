/** The popup's sentences, built from the background's data in the viewer's language. */
import type { AdaptedVia, DocFacts, DocKind } from '../../lib/views/catalog';
import { formatDate, formatList, t } from '../i18n';

/** What a result says under its title: "3 seasons · created by Alice Oseman", "Joe Locke", "published 2019". */
export function factsText(facts: DocFacts): string {
  switch (facts.of) {
    case 'show':
      return t('popup.subtitle.show', facts.seasons, { creator: facts.creator });
    case 'cast':
      return facts.actor ?? t('common.actorUnconfirmed');
    case 'episode':
      if (facts.special) return `${facts.show} ${facts.code} · ${t('popup.special')}`;
      return facts.bonus ? `${facts.show} ${facts.code} · ${t('popup.bonus')}` : `${facts.show} ${facts.code}`;
    case 'film':
      return t('popup.subtitle.film', { show: facts.show, status: filmStatus(facts.status) });
    case 'volume':
      return t('popup.subtitle.volume', { date: formatDate(facts.published) });
    case 'book':
      return t('popup.subtitle.book', { kind: bookKind(facts.bookKind), year: facts.year });
    case 'lookup': {
      const source = facts.source === 'tvmaze' ? 'TVmaze' : 'Wikidata';
      return facts.detail
        ? t('popup.subtitle.lookup', { detail: facts.detail, source })
        : t('popup.subtitle.lookupOnly', { source });
    }
  }
}

export const filmStatus = (status: 'announced' | 'in-production' | 'released') =>
  ({
    announced: () => t('popup.filmStatus.announced'),
    'in-production': () => t('popup.filmStatus.inProduction'),
    released: () => t('popup.filmStatus.released'),
  })[status]();

export const bookKind = (kind: BookKind): string =>
  ({
    novel: () => t('popup.bookKind.novel'),
    novella: () => t('popup.bookKind.novella'),
    special: () => t('popup.bookKind.special'),
    'mini-series': () => t('popup.bookKind.miniSeries'),
    prequel: () => t('popup.bookKind.prequel'),
  })[kind]();
type BookKind = 'novel' | 'novella' | 'special' | 'mini-series' | 'prequel';

/** The heading of a group of results. */
export function groupLabel(kind: DocKind | 'held-back'): string {
  switch (kind) {
    case 'held-back':
      return t('popup.heldBack');
    case 'show':
      return t('popup.groups.show');
    case 'character':
      return t('popup.groups.character');
    case 'actor':
      return t('popup.groups.actor');
    case 'episode':
      return t('popup.groups.episode');
    case 'volume':
      return t('popup.groups.volume');
    case 'book':
      return t('popup.groups.book');
  }
}

/** How an episode adapts a volume: "chapter 2, “Crush”", "season 1", "the film". */
export function viaText(via: AdaptedVia): string {
  if ('chapter' in via) return t('popup.via.chapter', { number: via.chapter.number, title: via.chapter.title });
  if ('season' in via) return t('popup.via.season', { season: via.season });
  return t('popup.via.film');
}

/** "1 match hidden by your spoiler guard (season 3) ·", "2 matches hidden … (seasons 2 and 3) ·". */
export function hiddenMatchesText(hidden: { hidden?: { season: number } }[]): string {
  const seasons = [...new Set(hidden.map((h) => h.hidden?.season ?? 0).filter(Boolean))].sort((a, b) => a - b);
  if (seasons.length === 0) return t('popup.hiddenMatches', hidden.length);
  const list = t('popup.seasons', seasons.length, { list: formatList(seasons) });
  return t('popup.hiddenMatchesIn', hidden.length, { seasons: list });
}
