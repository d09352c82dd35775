// Meta-test: every prose field lib/pack/visibility.ts declares visible is read by the spoiler ledger
// (`visibleTexts`) and by the own-words check. A field missing from either reaches the screen unchecked, as
// volumes[].publishedNote once did.
import { describe, expect, it } from 'vitest';
import { heartstopper } from '../../tests/support/packs';
import { fieldOf, visibleTexts } from './ledger';
import { ownWordsTexts } from './own-words';
import { NOT_PROSE, OWN_WORDS_ASIDE, VISIBLE_FIELDS } from './visibility';

const prose = Object.keys(VISIBLE_FIELDS).filter((f) => !(f in NOT_PROSE));
const PROBE = 'a probe sentence written only for this meta test';

/** A Heartstopper pack with the field filled in on its first record (the arrays on the way are never empty). */
function withProbe(field: string): Record<string, unknown> {
  const pack = heartstopper() as unknown as Record<string, unknown>;
  const parts = field.split('.');
  let at: Record<string, unknown> = pack;
  for (const [i, part] of parts.entries()) {
    const key = part.replace(/\[\]$/, '');
    const last = i === parts.length - 1;
    if (last) at[key] = PROBE;
    else {
      const next = at[key] ?? {};
      at[key] = next;
      at = (Array.isArray(next) ? next[0] : next) as Record<string, unknown>;
      if (!at) throw new Error(`${field}: the Heartstopper pack has no ${key} to probe`);
    }
  }
  return pack;
}

describe('every visible prose field is checked', () => {
  it('lists only visible fields as not prose', () => {
    expect(Object.keys(NOT_PROSE).filter((f) => !(f in VISIBLE_FIELDS))).toEqual([]);
    expect(OWN_WORDS_ASIDE.filter((f) => !prose.includes(f))).toEqual([]);
    expect(prose).toContain('volumes[].publishedNote');
  });

  it.each(prose)('%s is read by the spoiler ledger', (field) => {
    const read = visibleTexts(withProbe(field) as never).some((t) => fieldOf(t.path) === field && t.text === PROBE);
    expect(
      read,
      `${field} is visible prose but visibleTexts (lib/pack/ledger.ts) does not read it: add it there with its horizon and its declaration, or, if it is a name, title, date or number, list it in NOT_PROSE in lib/pack/visibility.ts`,
    ).toBe(true);
  });

  it.each(prose.filter((f) => !OWN_WORDS_ASIDE.includes(f)))('%s is held to own words', (field) => {
    const read = ownWordsTexts(withProbe(field) as never).some((t) => fieldOf(t.path) === field && t.text === PROBE);
    expect(
      read,
      `${field} is visible prose but the own-words check (lib/pack/own-words.ts) leaves it aside: check it, or give the reason in OWN_WORDS_ASIDE in lib/pack/visibility.ts`,
    ).toBe(true);
  });
});
