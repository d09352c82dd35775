import { describe, expect, it } from 'vitest';
import { clearBottom } from './keep-clear';

const column = { left: 1564, right: 1904, top: 72 };

describe('clearBottom', () => {
  it('stops the panel above an obstacle in its column (Skip Intro, Next episode)', () => {
    expect(clearBottom(column, [{ left: 1700, right: 1870, top: 900, bottom: 950 }], 952)).toBe(892);
  });

  it('ignores what is beside the column, or hidden (no size)', () => {
    const subtitles = { left: 384, right: 1536, top: 880, bottom: 930 };
    const hidden = { left: 1700, right: 1700, top: 0, bottom: 0 };
    expect(clearBottom(column, [subtitles, hidden], 952)).toBe(952);
  });

  it('takes the highest of several, and never goes above the panel’s top', () => {
    const obstacles = [
      { left: 1600, right: 1800, top: 700, bottom: 740 },
      { left: 1500, right: 1600, top: 600, bottom: 640 },
    ];
    expect(clearBottom(column, obstacles, 952)).toBe(592);
    expect(clearBottom(column, [{ left: 1600, right: 1800, top: 40, bottom: 100 }], 952)).toBe(72);
  });
});
