/**
 * A clean exit (security review 2, N25): when the extension is disabled, updated or removed, Chromium runs none of
 * the content script's clean-up, so side-by-side mode left Netflix's player narrowed beside a dead frame until a
 * reload. What does still reach the orphaned content script is the end of its message ports. So on each load of
 * the panel's frame, the content script opens a port to the frame (an extension page, alive exactly as long as the
 * extension is) and, when it closes, asks whether the extension is still there: if not, its context ends and
 * everything bound to it (the frame, the narrowed player) is put back. Chromium closes the port a moment before it
 * takes the runtime away (measured: the id is still there in onDisconnect), so it asks a few more times over the
 * next second. A port that closes because the frame itself went (moved in fullscreen, replaced) changes nothing:
 * the extension is still there. No timer runs otherwise, and nothing per frame.
 * FIREFOX: a content script's port does not reach a framed extension page there (as with messages); Firefox
 * removes a disabled add-on's content scripts itself, but not what they changed in the page (not covered).
 */
import { browser } from 'wxt/browser';

const PORT = 'backstory:panel-alive';

const CHECKS = 6;
const CHECK_EVERY_MS = 200;

/** Content script: `stillThere` is read when the panel frame's port closes (ctx.isValid ends the context if not). */
export function followExtension(stillThere: () => boolean): void {
  const check = (left: number) => {
    if (stillThere() && left > 0) setTimeout(() => check(left - 1), CHECK_EVERY_MS);
  };
  try {
    browser.runtime.connect({ name: PORT }).onDisconnect.addListener(() => check(CHECKS));
  } catch {
    stillThere();
  }
}

/** Panel frame: holds the content script's port open for as long as this page lives. */
export function holdContentScriptPorts(): void {
  browser.runtime.onConnect.addListener(() => undefined);
}
