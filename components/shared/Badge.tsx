import type { ComponentChildren } from 'preact';

/** A small label, coloured by meaning; the text always carries the meaning too. */
export function Badge({
  tone,
  children,
}: {
  tone: 'adapted' | 'changed' | 'show-only' | 'book' | 'neutral';
  children: ComponentChildren;
}) {
  return <span class={`bs-badge bs-badge--${tone}`}>{children}</span>;
}
