/**
 * The part of a content script's context the watch session uses: WXT's ContentScriptContext has it, and so does
 * the slim class the content script's build puts in its place (lib/build/slim-content-script-context.ts, which
 * `implements` this, so the compiler checks it). Code in lib/watch takes a WatchContext, never WXT's class:
 * a member used here and missing there does not compile.
 */
export interface LocationChange {
  newUrl: URL;
  oldUrl: URL;
}

export interface WatchContext {
  /** Aborted when the context ends (the extension was reloaded under the page, or a newer copy started). */
  readonly signal: AbortSignal;
  readonly isValid: boolean;
  onInvalidated(callback: () => void): () => void;
  /** `wxt:locationchange` reports in-app navigations (the site moves between pages without loading one). */
  addEventListener(target: Window, type: 'wxt:locationchange', handler: (event: LocationChange) => void): void;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
}
