/**
 * Reads the control bar's title block ("Heartstopper" / "E3" / "Kiss") in any language. The code part is
 * recognised by shape, not by words: an optional season number, then an episode number, each with whatever label
 * the locale uses ("S1:E3", "T1:E3", "Staffel 1, Folge 3", "Flg. 3", "Episode 3", "1화", "第3話").
 */
import { cleanText } from '../../text/clean';

export interface ParsedTitle {
  showTitle?: string;
  season?: number;
  episode?: number;
  episodeTitle?: string;
}

// A literal, not `new RegExp(…)`: a content script that only cleans text (every site's) then carries none of it.
// The separator between season and episode: punctuation, or a space before the episode's label.
const CODE =
  /^(?:[\p{L}.]{0,12}\s*(?<season>\d{1,2})(?:\s*[:：,，/·|.-]\s*|\s+(?=[\p{L}])))?[\p{L}.]{0,14}\s*(?<episode>\d{1,3})\s*\p{L}{0,3}\.?$/u;
/** A code at the start of a joined string, for title blocks that are one run of text. */
const LEADING_CODE = /^(?:[STst]\s?(?<season>\d{1,2})\s?[:：.]\s?)?[EeÉé]p?\.?\s?(?<episode>\d{1,3})\b\s*[-–:]?\s*/u;

export { cleanText };

export function parseEpisodeCode(text: string): { season?: number; episode: number } | undefined {
  const match = CODE.exec(cleanText(text));
  if (!match?.groups?.episode) return undefined;
  const episode = Number(match.groups.episode);
  const season = match.groups.season === undefined ? undefined : Number(match.groups.season);
  if (episode < 1 || (season !== undefined && season < 1)) return undefined;
  return season === undefined ? { episode } : { season, episode };
}

/** `parts` are the texts of the title block's children in order: the show, then the code, then the episode title. */
export function parseTitleParts(parts: readonly string[]): ParsedTitle {
  const clean = parts.map(cleanText).filter(Boolean);
  const [first, ...rest] = clean;
  if (first === undefined) return {};
  const result: ParsedTitle = { showTitle: first };
  const codeAt = rest.findIndex((p) => parseEpisodeCode(p) !== undefined);
  if (codeAt >= 0) {
    Object.assign(result, parseEpisodeCode(rest[codeAt] ?? ''));
    const title = rest[codeAt + 1];
    if (title) result.episodeTitle = title;
    return result;
  }
  const joined = rest.join(' ');
  const leading = LEADING_CODE.exec(joined);
  if (leading?.groups?.episode) {
    result.episode = Number(leading.groups.episode);
    if (leading.groups.season) result.season = Number(leading.groups.season);
    const title = joined.slice(leading[0].length).trim();
    if (title) result.episodeTitle = title;
  } else if (rest.length === 1) {
    // A block with a show and one more line but no code: the line is the episode's title.
    result.episodeTitle = rest[0];
  }
  return result;
}
