import { describe, expect, it } from 'vitest';
import { playerNarrowing } from './player-narrow';

describe('narrowing the player view', () => {
  it('leaves the column on the chosen side, and gives the styles back exactly', () => {
    const view = document.createElement('div');
    view.style.setProperty('width', '50%');
    view.style.setProperty('top', '3px', 'important');
    const before = view.getAttribute('style');
    const narrowing = playerNarrowing();
    narrowing.apply(view, 300, true);
    expect(view.style.getPropertyValue('left')).toBe('300px');
    expect(view.style.getPropertyValue('width')).toBe('calc(100% - 300px)');
    expect(view.style.getPropertyPriority('width')).toBe('important');
    narrowing.apply(null, 300, true);
    expect(view.getAttribute('style')).toBe(before);
  });

  it('gives an element without a style attribute none back, and notices a replaced view', () => {
    const view = document.createElement('div');
    document.body.append(view);
    const narrowing = playerNarrowing();
    narrowing.apply(view, 200, false);
    expect(view.style.getPropertyValue('left')).toBe('0px');
    expect(narrowing.lost()).toBe(false);
    view.remove();
    expect(narrowing.lost()).toBe(true);
    const next = document.createElement('div');
    narrowing.apply(next, 200, false);
    expect(view.hasAttribute('style')).toBe(false);
    expect(next.style.getPropertyValue('width')).toBe('calc(100% - 200px)');
  });
});
