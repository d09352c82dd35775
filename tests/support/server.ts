/** A site's server as the background asks it (lib/sites/server-ask.ts), answering what `said` gives for the id. */
import type { ServerAsk, SignalValue } from '../../lib/identity/policy';
import type { ServerAnswer, ServerAsker } from '../../lib/sites/server-ask';

/** `fromPage`: the answer came on the route the page named (the page's word then). */
export type Said = SignalValue & { fromPage?: true };

export function serverSaying(said: (videoId: string, pageRoute?: string) => Said | undefined) {
  const answers = new Map<number, ServerAnswer>();
  const asked: (ServerAsk & { tabId: number })[] = [];
  const server: ServerAsker & { asked: typeof asked } = {
    asked,
    async ask(_site, tabId, ask) {
      asked.push({ ...ask, tabId });
      const value = said(ask.videoId, ask.pageRoute);
      const { fromPage, ...rest } = value ?? {};
      const answer: ServerAnswer = value
        ? { outcome: 'ok', signal: { kind: fromPage ? 'page-metadata' : 'metadata', value: rest } }
        : { outcome: 'failed: HTTP 404' };
      answers.set(tabId, answer);
      return answer;
    },
    last: (tabId) => answers.get(tabId),
    forget: (tabId) => void answers.delete(tabId),
  };
  return server;
}
