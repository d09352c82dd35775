import { normalizeKey } from '../../text/normalize';

/** Titles compared loosely: as the cache compares them, less a version tag ("Show [dt./OV]", UTS strips it). */
export function normalizeTitle(text: string): string {
  return normalizeKey(text.replace(/ \[[\w.]+\/[\w.]+\]$/, ''));
}
