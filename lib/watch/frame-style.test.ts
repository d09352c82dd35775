import { describe, expect, it } from 'vitest';
import { type Fade, frameInert, frameStyle } from './frame-style';

const at = (fade: Fade) => frameStyle({ top: 72, column: false, onLeft: true, width: 300, height: 48, fade });
const declarations = (css: string) => css.split(';').filter(Boolean);

describe('the panel frame style', () => {
  it('places the frame with important declarations, the fade alone left for the compositor', () => {
    const css = at('in');
    expect(css).toContain('left:16px!important');
    const plain = declarations(css).filter((d) => !d.endsWith('!important'));
    // An important opacity would make Chromium run the fade on the page's main thread, restyling every frame.
    expect(plain).toEqual(['opacity:1', 'transition:opacity 150ms']);
  });

  it('transitions only the opacity: never a property that lays out or the visibility', () => {
    for (const fade of ['in', 'out'] as const) {
      const transition = declarations(at(fade)).find((d) => d.startsWith('transition:'));
      expect(transition).toMatch(/^transition:opacity \d+ms$/);
    }
  });

  it('keeps a hidden frame drawn, transparent, and out of the pointer’s way from the moment it fades out', () => {
    expect(at('in')).toContain('visibility:visible!important');
    expect(at('in')).toContain('pointer-events:auto!important');
    expect(at('out')).toContain('visibility:visible!important');
    expect(at('out')).toContain('pointer-events:none!important');
    expect(at('out')).toContain('opacity:0;');
  });
});

describe('the frame out of the keyboard', () => {
  it('is inert while it fades out or is hidden, and written only when that changes', () => {
    const frame = document.createElement('iframe');
    const writes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => writes.push(...records));
    observer.observe(frame, { attributes: true });
    frameInert(frame, 'out');
    frameInert(frame, 'out');
    expect(frame.hasAttribute('inert')).toBe(true);
    frameInert(frame, 'in');
    expect(frame.hasAttribute('inert')).toBe(false);
    expect(observer.takeRecords()).toHaveLength(2);
  });
});
