/**
 * What the watch session needs of its content script's context, and all it may use: WXT's ContentScriptContext
 * provides it (unit tests, development builds), and so does the slim class the built content script runs with
 * (lib/watch/slim-context.ts, swapped in by build/slim-context-in-content-scripts.ts for the injected budget). The
 * compiler checks both: the slim class implements this, and each site's entry hands WXT's context to
 * runContentScript, which takes this. A member lib/watch wants that is not here does not compile.
 */
import type { WxtWindowEventMap } from 'wxt/utils/content-script-context';

export interface WatchContext {
  /** Aborted when the context ends: the extension was reloaded or updated under the page, or a newer copy started. */
  readonly signal: AbortSignal;
  /** False once the context ended. */
  readonly isValid: boolean;
  onInvalidated(callback: () => void): void;
  /** Listens on the window until the context ends; `wxt:locationchange` reports in-app navigations. */
  addEventListener<K extends keyof WxtWindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WxtWindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
}
