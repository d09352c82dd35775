/**
 * Prime Video's title text as the background reads it (lib/sites/registry.ts, readTitle): the parts the content
 * script sends, the show's title and the episode line, parsed here so the injected script carries no parser.
 */
import type { ParsedTitle } from '../netflix/title-parser';
import { cleanText, parseEpisodeLine } from './episode-line';

export function parsePrimeTitle(parts: readonly string[]): ParsedTitle {
  const [show, line] = parts;
  const showTitle = cleanText(show ?? '') || undefined;
  return { showTitle, ...parseEpisodeLine(line) };
}
