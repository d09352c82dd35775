/** Comic issues in the viewer's words: "#4 “A Hope in Hell” and #5 “Passengers”", "#21–28", "#21–28 and #50". */
import type { ComicLink } from '../../lib/views/context';
import { formatList, t } from '../i18n';

type Range = { from: number; to?: number };

export const rangeText = ({ from, to }: Range): string =>
  to === undefined || to === from ? t('shared.issue', { number: from }) : t('shared.issueRange', { from, to });

/** Several ranges, as one list. */
export const rangesText = (ranges: Range[]): string => formatList(ranges.map(rangeText));

/** Issue numbers, each with its title where the pack gives one. */
export const issuesText = (issues: NonNullable<ComicLink['issues']>): string =>
  formatList(
    issues.map((i) =>
      i.title ? t('shared.issueTitled', { number: i.number, title: i.title }) : t('shared.issue', { number: i.number }),
    ),
  );

/** A run of issue numbers as ranges: [21, 22, 23] → "#21–23". */
export function numbersText(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const ranges: Range[] = [];
  for (const n of sorted) {
    const last = ranges.at(-1);
    if (last && n === (last.to ?? last.from) + 1) last.to = n;
    else ranges.push({ from: n });
  }
  return rangesText(ranges);
}

/** How the show changed a character from the comics, as a badge: "Replaces John Constantine". */
export function changeText(change: { kind: 'gender-flipped' | 'replaces' | 'moved' | 'aged-up'; comics: string[] }): string {
  const names = formatList(change.comics);
  switch (change.kind) {
    case 'replaces':
      return t('shared.change.replaces', { names });
    case 'gender-flipped':
      return t('shared.change.genderFlipped', { names });
    case 'moved':
      return t('shared.change.moved', { names });
    case 'aged-up':
      return t('shared.change.agedUp', { names });
  }
}
