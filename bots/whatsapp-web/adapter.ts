import {
  type ChannelAdapter,
  ChannelUnavailableError,
  type OutboxMessage,
  RecipientUnreachableError,
} from '../../src/conversation/types.js';
import type { Logger } from '../../src/logger.js';
import { errorMessage } from '../../src/logger.js';
import type { WaClient, WaClientFactory } from './client.js';
import type { WhatsAppWebLink } from './link.js';
import { renderWeb } from './render.js';

export interface WebAdapterSettings {
  link: WhatsAppWebLink;
  factory: WaClientFactory;
  log: Logger;
  /** The least time between two sends from this phone. */
  intervalMs: number;
  /** Up to this much more, at random, so the rhythm does not look like a machine's. */
  jitterMs: number;
  random?: () => number;
  now?: () => number;
}

/** How long a message waits while the phone is away before it is tried again. */
const AWAY_RETRY_MS = 5_000;

/** Errors of a client whose browser or session went away in the middle of a send. */
const SESSION_GONE = /session closed|target closed|protocol error|execution context|detached|not connected/i;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Sends through the linked phone, one message at a time at a slow, jittered pace. A message
 * that would wait longer than one slot is handed back to the queue ("later", no attempt spent)
 * instead of holding a worker slot other channels need; while the phone is away every message
 * waits the same way, so nothing queued is lost across a reconnect.
 */
export function whatsappWebAdapter(s: WebAdapterSettings): ChannelAdapter {
  const random = s.random ?? Math.random;
  const now = s.now ?? Date.now;
  let nextFree = 0;
  /** Chat ids by phone digits; null when the number has no WhatsApp. */
  const chatIds = new Map<string, string | null>();

  const reserveSlot = (): number => {
    const at = now();
    const wait = Math.max(0, nextFree - at);
    const slot = s.intervalMs + s.jitterMs;
    if (wait > slot) throw new ChannelUnavailableError(wait, 'paced: the linked phone sends slowly');
    nextFree = Math.max(at, nextFree) + s.intervalMs + Math.round(random() * s.jitterMs);
    return wait;
  };

  const away = (client: WaClient | null): client is null =>
    client === null || s.link.readyClient() !== client;

  const chatIdOf = async (client: WaClient, digits: string): Promise<string | null> => {
    if (chatIds.has(digits)) return chatIds.get(digits) ?? null;
    const id = await client.getNumberId(digits);
    const chatId = id?._serialized ?? null;
    if (chatIds.size > 50_000) chatIds.clear();
    chatIds.set(digits, chatId);
    return chatId;
  };

  return {
    channel: 'whatsapp',
    async send(message: OutboxMessage) {
      const first = s.link.readyClient();
      if (away(first)) {
        throw new ChannelUnavailableError(AWAY_RETRY_MS, `whatsapp web is ${s.link.status().state}`);
      }
      const wait = reserveSlot();
      if (wait > 0) await sleep(wait);
      const client = s.link.readyClient();
      if (away(client)) {
        throw new ChannelUnavailableError(AWAY_RETRY_MS, `whatsapp web is ${s.link.status().state}`);
      }
      try {
        const digits = message.externalUserId.replace(/\D/g, '');
        const chatId = await chatIdOf(client, digits);
        if (!chatId) throw new RecipientUnreachableError('this number has no WhatsApp account');
        const out = renderWeb(message.payload);
        if (out.kind === 'text') {
          const sent = await client.sendMessage(chatId, out.body, { linkPreview: false });
          return { externalId: sent.id._serialized };
        }
        let media: Awaited<ReturnType<WaClientFactory['mediaFromUrl']>> | null = null;
        try {
          media = await s.factory.mediaFromUrl(out.url, out.filename, out.mimeType);
        } catch (err) {
          s.log.warn({ err: errorMessage(err) }, 'document could not be fetched; sending its link');
        }
        const sent = media
          ? await client.sendMessage(chatId, media, { caption: out.caption, sendMediaAsDocument: true })
          : await client.sendMessage(chatId, `${out.caption}\n${out.url}`, { linkPreview: false });
        return { externalId: sent.id._serialized };
      } catch (err) {
        if (err instanceof RecipientUnreachableError) throw err;
        const text = errorMessage(err) ?? String(err);
        if (s.link.readyClient() !== client || SESSION_GONE.test(text)) {
          throw new ChannelUnavailableError(AWAY_RETRY_MS, `whatsapp web went away: ${text.slice(0, 120)}`);
        }
        throw err;
      }
    },
  };
}
