import { useState } from 'preact/hooks';
import type { HiddenItem, RevealedItem } from '../../lib/views/context';

/** "from S3E2", "from Volume 4", "from S3E2 and Volume 4": how far ahead a shown spoiler lies. */
export function aheadText(from: RevealedItem['from']): string {
  const parts = [from.episode, from.volume ? `Volume ${from.volume}` : undefined].filter(Boolean);
  return parts.length ? `from ${parts.join(' and ')}` : 'from later in the story';
}

/**
 * What lies beyond the viewer's horizon, as one line: "3 more notes about Charlie Spring later in the story", and
 * apart from it what the episode on screen holds back until it is watched ("1 note that spoils this episode").
 * The spoilers themselves are not in the page, only opaque handles. "Show one" fetches a single item, and only
 * then is its text rendered, marked as a spoiler with how far ahead it lies; "Hide" puts it back.
 */
export function HiddenItems({
  items,
  noun,
  reveal,
  render,
}: {
  items: HiddenItem[];
  /** Singular and plural, e.g. ["note about Charlie Spring", "notes about Charlie Spring"]. */
  noun: [string, string];
  reveal: (handle: string) => Promise<RevealedItem | null>;
  render: (item: RevealedItem) => preact.ComponentChildren;
}) {
  const [revealed, setRevealed] = useState<{ handle: string; item: RevealedItem }[]>([]);
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
  const more = revealed.length ? 'more ' : '';
  const line = (list: HiddenItem[], where: [string, string]) => {
    const count = list.length;
    if (count === 0) return null;
    const text = `${count} ${more}${count === 1 ? `${noun[0]} ${where[0]}` : `${noun[1]} ${where[1]}`}`;
    return (
      <p class="bs-placeholder">
        <span class="bs-placeholder__label">{text}</span>
        <button type="button" class="bs-link-button" onClick={() => void showOne(list)} aria-label={`Show one spoiler: ${text}`}>
          {failed ? 'Try again' : 'Show one'}
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
              <span class="bs-spoiler-tag">Spoiler · {ahead}</span>
              <button
                type="button"
                class="bs-link-button"
                onClick={() => hide(handle)}
                aria-label={`Hide this spoiler again (${ahead})`}
              >
                Hide
              </button>
            </p>
            {render(item)}
          </div>
        );
      })}
      {line(here, ['that spoils this episode', 'that spoil this episode'])}
      {line(later, ['later in the story', 'later in the story'])}
    </div>
  );
}
