/** The longest text Backstory keeps of anything a page wrote (a title, an episode line). */
const MAX_TEXT = 200;

/** Strips control, bidi-override and zero-width characters and trims to a sane length. */
export function cleanText(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}
