/** Test helpers around the bundled Heartstopper pack. */
import { bundledPacks } from '../../lib/pack/bundled';
import type { Pack } from '../../lib/pack/schema';

export function heartstopper(): Pack {
  const pack = bundledPacks.find((p) => (p as Pack).id === 'heartstopper');
  if (!pack) throw new Error('the Heartstopper pack is missing from data/');
  return structuredClone(pack) as Pack;
}

export function sandman(): Pack {
  const pack = bundledPacks.find((p) => (p as Pack).id === 'the-sandman');
  if (!pack) throw new Error('the Sandman pack is missing from data/');
  return structuredClone(pack) as Pack;
}

export function invincible(): Pack {
  const pack = bundledPacks.find((p) => (p as Pack).id === 'invincible');
  if (!pack) throw new Error('the Invincible pack is missing from data/');
  return structuredClone(pack) as Pack;
}

/**
 * Packs whose event ledger is complete (issue #28): every text declares what it reveals and whom it names, every
 * source what it covers, every episode who appears. lib/pack/ledger.test.ts holds each to `ledgerGaps` finding
 * nothing, and the spoiler walk checks names and coverage at every horizon for them; for every other pack the
 * consistency rules of validatePack hold for whatever it declares.
 */
export const LEDGER_COMPLETE: readonly string[] = ['heartstopper', 'the-sandman', 'invincible'];

/**
 * Packs held to "own words" (no visible text shares a run of six words with a fact sheet, names and titles aside)
 * by lib/pack/own-words.test.ts, when the fact sheets are beside the clone. `npx tsx tests/harness/own-words.ts`
 * reports every pack.
 */
export const OWN_WORDS_CHECKED: readonly string[] = ['heartstopper', 'the-sandman', 'invincible'];

/**
 * Packs whose event ledger's `what` lines (for reviewers, never shown) are held to the same measure by
 * lib/pack/own-words.test.ts.
 */
export const EVENTS_OWN_WORDS_CHECKED: readonly string[] = ['heartstopper', 'the-sandman', 'invincible'];
