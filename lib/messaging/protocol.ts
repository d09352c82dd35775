/**
 * Typed messages between the extension's contexts and the background service. Each method of the service is a
 * message type; callers get its return type, and errors thrown in the background are re-thrown at the caller.
 * Built on the polyfilled `browser.runtime` (promise-based in every browser) rather than a messaging library,
 * because the one we considered calls `chrome.*` directly and bypasses the polyfill.
 */
import { browser } from 'wxt/browser';
import type { BackstoryService } from '../service/backstory-service';

// Called by the background itself, never by message.
type Methods = Omit<BackstoryService, 'warmUp' | 'applySyncedReadVolumes'>;
export type MessageType = keyof Methods;
type Result<K extends MessageType> = Awaited<ReturnType<Methods[K]>>;
type Input<K extends MessageType> = Parameters<Methods[K]>[0];

interface Envelope {
  backstory: 1;
  type: MessageType;
  data: unknown;
}
type Reply = { ok: true; value: unknown } | { ok: false; error: string };

const MESSAGE_TYPES = new Set<string>([
  'resolveEpisode',
  'getEpisodeContext',
  'revealItem',
  'listEpisodes',
  'correctEpisode',
  'recordWatched',
  'reportNowWatching',
  'getNowWatching',
  'getSearchIndex',
  'getEntityDetail',
  'getProgress',
  'setReadVolume',
  'getShortcut',
  'listShows',
  'getStats',
  'reseed',
  'clearLearned',
  'resetProgress',
  'exportUserData',
  'importUserData',
  'importPack',
] satisfies MessageType[]);

/** Chromium's and Firefox's words for a message that found no listener, or lost it before the answer. */
const TRANSIENT = /receiving end does not exist|message (port|channel) closed|could not establish connection/i;

export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

export async function send<K extends MessageType>(
  type: K,
  ...[data]: Input<K> extends undefined ? [] : [Input<K>]
): Promise<Result<K>> {
  const envelope: Envelope = { backstory: 1, type, data };
  const reply = (await browser.runtime.sendMessage(envelope).catch(async (error: unknown) => {
    // The service worker was stopped or restarted between our call and its answer (MV3 stops idle workers):
    // the browser starts it again on the next message, so one retry is enough. Every service method can be
    // repeated safely (reads, and writes that set a value).
    if (!TRANSIENT.test(String(error))) throw error;
    return browser.runtime.sendMessage(envelope);
  })) as Reply | undefined;
  if (!reply || typeof reply !== 'object') throw new BackgroundError(`No answer to ${type}`);
  if (!reply.ok) throw new BackgroundError(reply.error);
  return reply.value as Result<K>;
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).backstory === 1 &&
    MESSAGE_TYPES.has((message as Envelope).type as string)
  );
}

/**
 * Answers every Backstory message with the service; malformed input gets an error reply, never a crash.
 * Replies go through `sendResponse` with `return true`, the form every browser (and the polyfill) honours.
 */
export function serve(service: BackstoryService): () => void {
  const listener = (
    message: unknown,
    sender: { tab?: { id?: number } },
    sendResponse: (reply: Reply) => void,
  ): true | undefined => {
    if (!isEnvelope(message)) return undefined;
    const method = service[message.type] as (data: unknown, tabId?: number) => Promise<unknown>;
    void method(message.data, sender.tab?.id).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  const onMessage = browser.runtime.onMessage as unknown as {
    addListener(l: typeof listener): void;
    removeListener(l: typeof listener): void;
  };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}
