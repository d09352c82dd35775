/**
 * Reads Prime Video's episode line in any of its forms (#9, #10): "Season 1, Ep. 4 The Ghouls" (old arm; its two
 * parts are separate nodes, so the text may lack the space: "Season 1, Ep.4The Ghouls"), "S1 E2 Red Hair and
 * Silver Tape" (new arm), "Saison 1, épisode 2 …", "Staffel 2, F. 1 …", "T1 Ep.2 …", "シーズン1、エピソード1 …".
 * Recognised by shape, not by words: a short label and the season number, a separator, a short label and the
 * episode number, then the title.
 */
import { cleanText } from '../netflix/title-parser';

export interface EpisodeLine {
  season?: number;
  episode?: number;
  episodeTitle?: string;
}

const LINE =
  /^[\p{L}.]{0,12}\s*(?<season>\d{1,2})\s*[,，、:]?\s*[\p{L}.]{0,12}\s*(?<episode>\d{1,3})(?!\d)\s*[-–:.]?\s*(?<title>.*)$/u;

export function parseEpisodeLine(text: string | undefined): EpisodeLine {
  const clean = cleanText(text ?? '');
  const m = LINE.exec(clean);
  if (!m?.groups) return clean ? { episodeTitle: clean } : {};
  const title = m.groups.title?.trim();
  return {
    season: Number(m.groups.season),
    episode: Number(m.groups.episode),
    ...(title ? { episodeTitle: title } : {}),
  };
}

export { cleanText };
