/**
 * Sending a typed message to the background service: each service method is a message type, callers get its
 * return type, and errors thrown in the background are re-thrown here. Apart from the caller table and `serve`
 * (protocol.ts), so that the Netflix content script, which only sends, carries none of them.
 */
import { browser } from 'wxt/browser';
import type { BackstoryService } from '../service/backstory-service';

// Called by the background itself, never by message.
type Methods = Omit<BackstoryService, 'warmUp' | 'applySyncedReadVolumes' | 'isBoundPanelFrame'>;
export type MessageType = keyof Methods;
type Result<K extends MessageType> = Awaited<ReturnType<Methods[K]>>;
type Input<K extends MessageType> = Parameters<Methods[K]>[0];

export interface Envelope {
  backstory: 1;
  type: MessageType;
  data: unknown;
}
export type Reply = { ok: true; value: unknown } | { ok: false; error: string };

/** Chromium's and Firefox's words for a message that found no listener, or lost it before the answer. */
const TRANSIENT = /receiving end does not exist|message (port|channel) closed|could not establish connection/i;

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
  if (!reply || typeof reply !== 'object') throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as Result<K>;
}
