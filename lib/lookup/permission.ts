/**
 * The viewer's consent to lookups, as the browser holds it (lib/lookup/origins.ts), for the extension's pages:
 * asked at the click that turns lookups on (browsers require a user gesture), and given back when turned off.
 */
import { browser } from 'wxt/browser';
import { LOOKUP_ORIGINS } from './origins';

const origins = { origins: LOOKUP_ORIGINS };

/** Whether this page can ask (FIREFOX: a framed extension page has no permissions API there). */
export const canAskForLookups = () => typeof browser.permissions?.request === 'function';

export const lookupsAllowed = () => browser.permissions.contains(origins);
/** Must run inside the click's handler, before any other await. */
export const allowLookups = () => browser.permissions.request(origins);
export const disallowLookups = () => browser.permissions.remove(origins);

/** Calls `onChange` whenever the grant changes (here, or in the browser's own extension settings). */
export function watchLookupsAllowed(onChange: () => void): () => void {
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
  return () => {
    browser.permissions.onAdded.removeListener(onChange);
    browser.permissions.onRemoved.removeListener(onChange);
  };
}
