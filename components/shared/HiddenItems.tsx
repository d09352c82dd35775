import { useState } from 'preact/hooks';
import type { HiddenItem, RevealedItem } from '../../lib/db/context';

/**
 * Placeholders for what lies beyond the viewer's horizon. The spoiler itself is not in the page: only an opaque
 * handle and a neutral label. "Show" fetches that single item, and only then is its text rendered.
 */
export function HiddenItems({
  items,
  reveal,
  render,
}: {
  items: HiddenItem[];
  reveal: (handle: string) => Promise<RevealedItem | null>;
  render: (item: RevealedItem) => preact.ComponentChildren;
}) {
  const [revealed, setRevealed] = useState<Record<string, RevealedItem | 'failed'>>({});
  if (items.length === 0) return null;
  const show = async (handle: string) => {
    const item = await reveal(handle).catch(() => null);
    setRevealed((r) => ({ ...r, [handle]: item ?? 'failed' }));
  };
  return (
    <ul class="bs-hidden" aria-label="Later in the show">
      {items.map((item, i) => {
        const shown = revealed[item.handle];
        return (
          <li key={item.handle} class={shown && shown !== 'failed' ? 'bs-revealed' : 'bs-placeholder'}>
            {shown && shown !== 'failed' ? (
              <>
                <span class="bs-spoiler-tag">Spoiler</span>
                {render(shown)}
              </>
            ) : (
              <>
                <span class="bs-placeholder__label">{item.label}</span>
                <button
                  type="button"
                  class="bs-link-button"
                  onClick={() => show(item.handle)}
                  aria-label={`Show spoiler ${i + 1}: ${item.label}`}
                >
                  {shown === 'failed' ? 'Try again' : 'Show'}
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
