/**
 * Size checks made before any item is validated: a hostile file of millions of entries must be refused by its
 * length, not after building millions of validation issues (security review B7: 16 s and 3.2 GB for 19 MB).
 */
export interface SizeIssue {
  path: string;
  message: string;
}

/** Checks that each listed field of `input`, where it is an array, holds at most its limit. */
export function checkSizes(input: unknown, limits: Record<string, number>): SizeIssue[] {
  if (input === null || typeof input !== 'object') return [];
  const issues: SizeIssue[] = [];
  for (const [field, limit] of Object.entries(limits)) {
    const value = (input as Record<string, unknown>)[field];
    if (Array.isArray(value) && value.length > limit)
      issues.push({
        path: field,
        message: `at most ${limit.toLocaleString('en')} entries, found ${value.length.toLocaleString('en')}`,
      });
  }
  return issues;
}

/** The most of each list a data pack may hold: far above any real show, far below what would stall the worker. */
export const PACK_LIMITS = {
  seasons: 100,
  episodes: 5_000,
  people: 20_000,
  characters: 20_000,
  volumes: 1_000,
  books: 1_000,
  adaptations: 20_000,
  notes: 20_000,
  sources: 20_000,
};
