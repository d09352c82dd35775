import { describe, expect, it } from 'vitest';
import { clearBottom, isLayer, obstacleBoxes } from './keep-clear';

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

describe('layers', () => {
  it('treats a box at least half the window tall as a layer, never a caption line or a button', () => {
    // Netflix's subtitle layer: the size of the picture (left, top, right, bottom 0).
    expect(isLayer({ left: 0, right: 1920, top: 0, bottom: 1080 }, 1080)).toBe(true);
    expect(isLayer({ left: 0, right: 1920, top: 3, bottom: 1077 }, 1080)).toBe(true);
    // Three caption lines at 45 px, and the control bar.
    expect(isLayer({ left: 400, right: 1500, top: 760, bottom: 920 }, 1080)).toBe(false);
    expect(isLayer({ left: 0, right: 1920, top: 960, bottom: 1080 }, 1080)).toBe(false);
  });

  it('keeps clear of the caption lines inside a full-size layer, not of the layer (the panel keeps its room)', () => {
    const column = { left: 1424, right: 1904, top: 72 };
    const layer = { left: 0, right: 1920, top: 0, bottom: 1080 };
    const lines = { left: 300, right: 1620, top: 850, bottom: 950 };
    const obstacles = [layer, lines].filter((b) => !isLayer(b, 1080));
    expect(clearBottom(column, obstacles, 952)).toBe(842);
  });
});

describe('obstacleBoxes', () => {
  it('uses the first selector of each thing that matches, and every element it matches', () => {
    document.body.innerHTML = '<p class="a"></p><p class="a"></p><p class="b"></p><i class="c"></i>';
    const seen: string[] = [];
    const root = {
      querySelectorAll: (selector: string) => {
        seen.push(selector);
        return document.querySelectorAll(selector);
      },
    } as unknown as ParentNode;
    expect(obstacleBoxes(root, [['.none', '.a', '.b'], ['.c']], 1000)).toHaveLength(3);
    expect(seen).toEqual(['.none', '.a', '.c']);
  });
});
