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
