import { useState } from 'preact/hooks';
import type { HiddenItem, RevealedItem } from '../../lib/views/context';
import { t } from '../i18n';

/** "from S3E2", "from Volume 4", "from S3E2 and Volume 4": how far ahead a shown spoiler lies. */
export function aheadText({ episode, volume }: RevealedItem['from']): string {
  if (episode && volume) return t('shared.ahead.episodeAndVolume', { episode, volume });
  if (episode) return t('shared.ahead.episode', { episode });
  if (volume) return t('shared.ahead.volume', { volume });
  return t('shared.ahead.later');
}

/** What a line of held-back items is about; a character's notes name the character. */
export type HiddenKind = 'synopsis' | 'note' | 'characterNote' | 'cast' | 'change' | 'lookupCast';
type Where = 'here' | 'hereMore' | 'later' | 'laterMore';

// One message per kind and place: languages put "more" and the place in different spots of the sentence.
const LINES: Record<Exclude<HiddenKind, 'characterNote'>, Record<Where, (n: number) => string>> = {
  synopsis: {
    here: (n) => t('shared.hidden.synopsis.here', n),
    hereMore: (n) => t('shared.hidden.synopsis.here', n),
    later: (n) => t('shared.hidden.synopsis.later', n),
    laterMore: (n) => t('shared.hidden.synopsis.later', n),
  },
  note: {
    here: (n) => t('shared.hidden.note.here', n),
    hereMore: (n) => t('shared.hidden.note.hereMore', n),
    later: (n) => t('shared.hidden.note.later', n),
    laterMore: (n) => t('shared.hidden.note.laterMore', n),
  },
  cast: {
    here: (n) => t('shared.hidden.cast.here', n),
    hereMore: (n) => t('shared.hidden.cast.hereMore', n),
    later: (n) => t('shared.hidden.cast.later', n),
    laterMore: (n) => t('shared.hidden.cast.laterMore', n),
  },
  // A looked-up show's cast (issue 17): TVmaze lists everyone who was ever in it, so some of them join later.
  lookupCast: {
    here: (n) => t('shared.hidden.lookupCast.later', n),
    hereMore: (n) => t('shared.hidden.lookupCast.laterMore', n),
    later: (n) => t('shared.hidden.lookupCast.later', n),
    laterMore: (n) => t('shared.hidden.lookupCast.laterMore', n),
  },
  change: {
    here: (n) => t('shared.hidden.change.here', n),
    hereMore: (n) => t('shared.hidden.change.hereMore', n),
    later: (n) => t('shared.hidden.change.later', n),
    laterMore: (n) => t('shared.hidden.change.laterMore', n),
  },
};
const CHARACTER_LINES: Record<Where, (n: number, name: string) => string> = {
  here: (n, name) => t('shared.hidden.characterNote.here', n, { name }),
  hereMore: (n, name) => t('shared.hidden.characterNote.hereMore', n, { name }),
  later: (n, name) => t('shared.hidden.characterNote.later', n, { name }),
  laterMore: (n, name) => t('shared.hidden.characterNote.laterMore', n, { name }),
};

/** "3 more notes about Charlie Spring later in the story". */
export function hiddenLine(kind: HiddenKind, where: Where, count: number, name = ''): string {
  return kind === 'characterNote' ? CHARACTER_LINES[where](count, name) : LINES[kind][where](count);
}

/**
 * What lies beyond the viewer's horizon, as one line: "3 more notes about Charlie Spring later in the story", and
 * apart from it what the episode on screen holds back until it is watched ("1 note that spoils this episode").
 * The spoilers themselves are not in the page, only opaque handles. "Show one" fetches a single item, and only
 * then is its text rendered, marked as a spoiler with how far ahead it lies; "Hide" puts it back.
 */
export function HiddenItems<T extends Pick<RevealedItem, 'from'> = RevealedItem>({
  items,
  kind,
  name,
  reveal,
  render,
}: {
  items: HiddenItem[];
  kind: HiddenKind;
  /** The character, for `characterNote`. */
  name?: string;
  reveal: (handle: string) => Promise<T | null>;
  render: (item: T) => preact.ComponentChildren;
}) {
  const [revealed, setRevealed] = useState<{ handle: string; item: T }[]>([]);
  const [failed, setFailed] = useState(false);
  const shown = new Set(revealed.map((r) => r.handle));
  const remaining = items.filter((i) => !shown.has(i.handle));
  if (items.length === 0) return null;

  const showOne = async (from: HiddenItem[]) => {
    const next = from[0];
    if (!next) return;
    const item = await reveal(next.handle).catch(() => null);
    setFailed(!item);
    if (item) setRevealed((r) => [...r, { handle: next.handle, item }]);
  };
  const hide = (handle: string) => setRevealed((r) => r.filter((x) => x.handle !== handle));
  // Items about the episode on screen are told apart: showing one spoils the episode being watched.
  const here = remaining.filter((i) => i.thisEpisode);
  const later = remaining.filter((i) => !i.thisEpisode);
  const more = revealed.length > 0;
  const line = (list: HiddenItem[], where: 'here' | 'later') => {
    const count = list.length;
    if (count === 0) return null;
    const text = hiddenLine(kind, more ? `${where}More` : where, count, name);
    return (
      <p class="bs-placeholder">
        <span class="bs-placeholder__label">{text}</span>
        <button
          type="button"
          class="bs-link-button"
          onClick={() => void showOne(list)}
          aria-label={t('shared.showOneLabel', { text })}
        >
          {failed ? t('shared.tryAgain') : t('shared.showOne')}
        </button>
      </p>
    );
  };

  return (
    <div class="bs-hidden">
      {revealed.map(({ handle, item }) => {
        const ahead = aheadText(item.from);
        return (
          <div key={handle} class="bs-revealed">
            <p class="bs-revealed__bar">
              <span class="bs-spoiler-tag">{t('shared.spoilerTag', { ahead })}</span>
              <button
                type="button"
                class="bs-link-button"
                onClick={() => hide(handle)}
                aria-label={t('shared.hideAgain', { ahead })}
              >
                {t('shared.hide')}
              </button>
            </p>
            {render(item)}
          </div>
        );
      })}
      {line(here, 'here')}
      {line(later, 'later')}
    </div>
  );
}
