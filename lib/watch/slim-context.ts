/**
 * The content script's context in the built extension, in place of WXT's ContentScriptContext (swapped in by
 * build/slim-context-in-content-scripts.ts): what the watch session uses (WatchContext: signal, isValid,
 * onInvalidated, addEventListener with WXT's `wxt:locationchange`) in about a quarter of the bytes, for the budget
 * of what runs in the site's page. WXT's entry wrapper constructs it as its own class (name and options, unused
 * here); build/plugins.test.ts checks that it can, and the compiler that it implements WatchContext.
 */
import { browser } from 'wxt/browser';
import type { WxtWindowEventMap } from 'wxt/utils/content-script-context';
import type { WatchContext } from './watch-context';

/** A newer copy of the script (put in by the background after an update) announces itself; older ones stop. */
const STARTED = 'backstory:content-script-started';

export class ContentScriptContext implements WatchContext {
  private readonly controller = new AbortController();
  private readonly id = Math.random();

  constructor() {
    document.dispatchEvent(new CustomEvent(STARTED, { detail: this.id }));
    document.addEventListener(STARTED, (event) => (event as CustomEvent).detail !== this.id && this.controller.abort(), {
      signal: this.signal,
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** False once the extension was reloaded or updated under the page (its runtime id is gone), or replaced. */
  get isValid(): boolean {
    if (!browser.runtime?.id) this.controller.abort();
    return !this.signal.aborted;
  }

  onInvalidated(callback: () => void): void {
    this.signal.addEventListener('abort', callback);
  }

  addEventListener<K extends keyof WxtWindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WxtWindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void {
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
    // The Navigation API sees the site's history.pushState; without it, the URL is compared once a second.
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
