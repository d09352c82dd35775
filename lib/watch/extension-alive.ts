/**
 * A clean exit (security review 2, N25): when the extension is disabled, updated or removed, Chromium runs none of
 * the content script's clean-up, so side-by-side mode left Netflix's player narrowed beside a dead frame until a
 * reload. What does still reach the orphaned content script is the end of its message ports. So on each load of
 * the panel's frame, the content script opens a port to the frame (an extension page, alive exactly as long as the
 * extension is) and, when it closes, asks whether the extension is still there: if not, its context ends and
 * everything bound to it (the frame, the narrowed player) is put back. Chromium closes the port a moment before it
 * takes the runtime away (measured: the id is still there in onDisconnect, gone 200 ms later), so it asks again
 * after a while. A port that closes because the frame itself went (moved in fullscreen, replaced) changes nothing:
 * the extension is still there. No timer runs otherwise, and nothing per frame.
 * FIREFOX: a content script's port does not reach a framed extension page there (as with messages); Firefox
 * removes a disabled add-on's content scripts itself, but not what they changed in the page (not covered).
 */
import { browser } from 'wxt/browser';

/** Within the 2 s a viewer should wait for the player back, with room for a busy machine. */
const CHECK_AFTER_MS = 800;

/** Content script: when the panel frame's port closes, a look at `ctx.isValid` ends the context if the runtime is gone. */
export function followExtension(ctx: { readonly isValid: boolean }): void {
  // Throws only when the extension is already gone, which the next look at the context notices.
  browser.runtime.connect().onDisconnect.addListener(() => {
    // Read, so that Chromium does not log "Receiving end does not exist" when the frame went before the port opened.
    void browser.runtime.lastError;
    setTimeout(() => ctx.isValid, CHECK_AFTER_MS);
  });
}

/** Panel frame: holds the content script's port (nothing else connects) open for as long as this page lives. */
export function holdContentScriptPorts(): void {
  browser.runtime.onConnect.addListener(() => undefined);
}
