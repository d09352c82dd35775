/**
 * What the Netflix content script's build uses in place of WXT's ContentScriptContext (aliased by
 * lib/build/slim-context-in-content-scripts.ts): the same contract for everything Backstory calls (signal,
 * isValid, onInvalidated, addEventListener with WXT's `wxt:locationchange`), in about a quarter of the bytes,
 * for the 10 KB budget of what runs in netflix.com's page. What it leaves out (timers, animation frames, idle
 * callbacks bound to the context) Backstory does not use; tests/conventions.test.ts keeps it that way.
 */
import { browser } from 'wxt/browser';
import type { WatchContext } from '../watch/watch-context';

/** A newer copy of the script (put in by the background after an update) announces itself; older ones stop. */
const STARTED = 'backstory:content-script-started';

type Handler = (event: never) => void;

/** Implements what lib/watch uses (WatchContext): the compiler checks this class against it. */
export class ContentScriptContext implements WatchContext {
  private readonly controller = new AbortController();
  private readonly id = Math.random().toString(36).slice(2);

  // WXT passes the script's name and options; nothing here needs them.
  constructor() {
    document.dispatchEvent(new CustomEvent(STARTED, { detail: this.id }));
    document.addEventListener(STARTED, (event) => (event as CustomEvent).detail !== this.id && this.abort(), {
      signal: this.signal,
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** False once the extension was reloaded or updated under the page (its runtime id is gone), or replaced. */
  get isValid(): boolean {
    if (!browser.runtime?.id) this.abort();
    return !this.signal.aborted;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  /** Listens until the context ends; `wxt:locationchange` reports in-app navigations as WXT's context does. */
  addEventListener(target: EventTarget, type: string, handler: Handler, options?: AddEventListenerOptions): void {
    if (type !== 'wxt:locationchange') {
      target.addEventListener(type, handler as EventListener, { ...options, signal: this.signal });
      return;
    }
    let last = location.href;
    const report = (next: string) => {
      if (next === last) return;
      const oldUrl = new URL(last);
      last = next;
      (handler as (e: { newUrl: URL; oldUrl: URL }) => void)({ newUrl: new URL(next), oldUrl });
    };
    // The Navigation API sees Netflix's history.pushState; without it, the URL is compared once a second.
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation?.addEventListener)
      navigation.addEventListener('navigate', (e) => report((e as Event & { destination: { url: string } }).destination.url), {
        signal: this.signal,
      });
    else {
      const timer = setInterval(() => report(location.href), 1000);
      this.onInvalidated(() => clearInterval(timer));
    }
  }
}
