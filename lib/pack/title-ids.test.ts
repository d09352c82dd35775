// A pack names the show's id on each site by the site ids of lib/ids/ids.ts: another key is refused, never dropped.
import { describe, expect, it } from 'vitest';
import { heartstopper } from '../../tests/support/packs';
import { SITE_IDS } from '../ids/ids';
import { upgradePack } from './upgrade';
import { validatePack } from './validate';

const withTitleIds = (titleIds: unknown) => {
  const pack = heartstopper() as unknown as { show: Record<string, unknown> };
  pack.show.titleIds = titleIds;
  return pack;
};

describe('show.titleIds', () => {
  it('refuses a key that names no supported site, with its path and the sites it could be', () => {
    const result = validatePack(withTitleIds({ netflix: '81059939', somestream: 'abc' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      {
        path: 'show.titleIds.somestream',
        message: `unknown site "somestream": a show's id goes under one of the sites Backstory supports (${SITE_IDS.join(', ')})`,
      },
    ]);
    // A supported site's key takes only ids of its shape (Prime Video: a GTI, a compact GTI or an ASIN).
    const prime = validatePack(withTitleIds({ primevideo: 'amzn1.dv.gti.0' }));
    expect(prime.ok ? [] : prime.issues).toEqual([
      { path: 'show.titleIds.primevideo', message: 'not an id of the shape primevideo uses' },
    ]);
  });

  it('refuses an id that does not have its site’s shape', () => {
    const result = validatePack(withTitleIds({ netflix: 'eighty-one' }));
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'show.titleIds.netflix', message: 'not an id of the shape netflix uses' },
    ]);
  });

  it('takes a show with no confirmed site id (matched by title), and the ids only as an object', () => {
    expect(validatePack(withTitleIds({})).ok).toBe(true);
    const text = validatePack(withTitleIds('81059939'));
    expect(text.ok ? [] : text.issues.map((i) => i.path)).toEqual(['show.titleIds']);
  });

  it('keeps every site’s id it knows', () => {
    const result = validatePack(withTitleIds({ netflix: '81059939' }));
    expect(result.ok && result.pack.show.titleIds).toEqual({ netflix: '81059939' });
  });

  it('still loads a format-2 pack, whose Netflix id becomes its id on that site', () => {
    const { titleIds: _, ...show } = heartstopper().show;
    const format2 = { ...heartstopper(), schemaVersion: 2, show: { ...show, netflixTitleId: '81059939' } };
    const result = validatePack(upgradePack(format2));
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.pack.show.titleIds).toEqual({ netflix: '81059939' });
  });

  it('still loads a format-3 pack as it is', () => {
    const result = validatePack(upgradePack({ ...heartstopper(), schemaVersion: 3 }));
    expect(result.ok && result.pack.show.titleIds).toEqual({ netflix: '81059939' });
  });
});
