import type { Inbound } from '../../src/conversation/types.js';
import type { Logger } from '../../src/logger.js';
import { errorMessage } from '../../src/logger.js';
import type { ChannelLink, LinkState } from '../../src/server/channel-status.js';
import type { WaClient, WaClientFactory, WaMessage } from './client.js';
import { digitsOf, isPersonalMessage, toInbound } from './inbound.js';

export interface LinkDeps {
  factory: WaClientFactory;
  log: Logger;
  /** Runs one turn; throws when it could not be stored (the link retries, bounded). */
  onMessage: (inbound: Inbound) => Promise<void>;
  /** Told of every state change (the Redis publisher for /readyz and the console). */
  onState?: (link: ChannelLink) => void;
  /** Shows the QR code to whoever started the system (the terminal). */
  showQr?: (qr: string) => void;
  reconnect: { minMs: number; maxMs: number };
  random?: () => number;
  /** Retries of a turn that failed to store (database away), with doubling waits from 1 s. */
  turnRetries?: number;
}

export interface WhatsAppWebLink {
  start(): void;
  /** The client, only while the session is ready to send. */
  readyClient(): WaClient | null;
  status(): ChannelLink;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Keeps a linked WhatsApp account connected: starts the client (a QR code to scan when the
 * saved session is missing or was logged out), reports its state, and when the session drops
 * throws the client away and starts a new one after a doubling, jittered wait. Messages from
 * people become turns, one at a time per chat so their order holds.
 */
export function createWhatsAppWebLink(deps: LinkDeps): WhatsAppWebLink {
  const log = deps.log.child({ channel: 'whatsapp-web' });
  const random = deps.random ?? Math.random;
  /** The current client, whatever its state; replaced (and the old one closed) on reconnect. */
  let client: WaClient | null = null;
  let generation = 0;
  let failures = 0;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let current: ChannelLink = {
    channel: 'whatsapp-web',
    state: 'starting',
    qr: null,
    since: new Date().toISOString(),
  };
  const chats = new Map<string, Promise<void>>();

  const setState = (state: LinkState, extra: { qr?: string | null; detail?: string } = {}) => {
    const qr = extra.qr ?? null;
    if (current.state === state && current.qr === qr && current.detail === extra.detail) return;
    current = { channel: 'whatsapp-web', state, qr, since: new Date().toISOString(), detail: extra.detail };
    log.info({ state, detail: extra.detail }, 'whatsapp web link state');
    deps.onState?.(current);
  };

  const scheduleReconnect = (why: string) => {
    if (stopped || retryTimer) return;
    failures += 1;
    const base = Math.min(deps.reconnect.maxMs, deps.reconnect.minMs * 2 ** (failures - 1));
    // ±20 % so several restarted processes do not knock on WhatsApp's door together.
    const wait = Math.round(base * (0.8 + 0.4 * random()));
    log.warn({ why, waitMs: wait, failures }, 'whatsapp web reconnecting');
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, wait);
    retryTimer.unref?.();
  };

  const dispose = async (old: WaClient | null) => {
    if (!old) return;
    try {
      await old.destroy();
    } catch (err) {
      log.debug({ err: errorMessage(err) }, 'old whatsapp web client did not close cleanly');
    }
  };

  /** A turn that could not be stored is tried again a few times; WhatsApp will not resend it. */
  const deliverTurn = async (inbound: Inbound) => {
    const attempts = (deps.turnRetries ?? 5) + 1;
    for (let i = 1; i <= attempts; i++) {
      try {
        await deps.onMessage(inbound);
        return;
      } catch (err) {
        if (i === attempts || stopped) {
          log.error(
            { err: errorMessage(err), messageId: inbound.messageId },
            'whatsapp web message could not be processed',
          );
          return;
        }
        await sleep(1000 * 2 ** (i - 1));
      }
    }
  };

  const onMessage = async (m: WaMessage) => {
    if (!isPersonalMessage(m)) return;
    let digits = digitsOf(m.from);
    let name: string | undefined;
    if (!digits) {
      // A linked id (@lid) hides the number; the contact card has it.
      try {
        const contact = await m.getContact();
        digits = contact.number?.replace(/\D/g, '') || null;
        name = contact.pushname;
      } catch (err) {
        log.warn({ err: errorMessage(err) }, 'could not look up the sender of a whatsapp web message');
      }
    }
    if (!digits) {
      log.warn({ from: m.from }, 'whatsapp web message without a phone number ignored');
      return;
    }
    const inbound = toInbound(m, digits, name);
    const previous = chats.get(digits) ?? Promise.resolve();
    const next = previous.then(() => deliverTurn(inbound));
    chats.set(digits, next);
    await next;
    if (chats.get(digits) === next) chats.delete(digits);
  };

  const connect = async () => {
    if (stopped) return;
    const mine = ++generation;
    const old = client;
    client = null;
    await dispose(old);
    setState('starting');
    const live = () => mine === generation && !stopped;
    let fresh: WaClient;
    try {
      fresh = await deps.factory.create();
      if (!live()) {
        await dispose(fresh);
        return;
      }
      client = fresh;
    } catch (err) {
      setState('failed', { detail: errorMessage(err).slice(0, 200) });
      scheduleReconnect('client could not be created');
      return;
    }
    fresh.on('qr', (qr) => {
      if (!live()) return;
      setState('linking', { qr });
      deps.showQr?.(qr);
    });
    fresh.on('authenticated', () => {
      if (live()) log.info('whatsapp web session authenticated');
    });
    fresh.on('auth_failure', (message) => {
      if (!live()) return;
      setState('failed', { detail: `authentication failed: ${String(message).slice(0, 160)}` });
      scheduleReconnect('authentication failed');
    });
    fresh.on('ready', () => {
      if (!live()) return;
      failures = 0;
      setState('ready');
    });
    fresh.on('disconnected', (reason) => {
      if (!live()) return;
      // LOGOUT: the phone removed this device; the next start shows a new QR code.
      setState('disconnected', { detail: String(reason).slice(0, 160) });
      scheduleReconnect(`disconnected: ${reason}`);
    });
    fresh.on('message', (m) => {
      if (!live()) return;
      onMessage(m).catch((err) =>
        log.error({ err: errorMessage(err) }, 'whatsapp web message handling failed'),
      );
    });
    try {
      await fresh.initialize();
    } catch (err) {
      if (!live()) return;
      setState('failed', { detail: errorMessage(err).slice(0, 200) });
      scheduleReconnect('client did not start');
    }
  };

  return {
    start() {
      stopped = false;
      void connect();
    },
    readyClient: () => (current.state === 'ready' ? client : null),
    status: () => current,
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      generation++;
      const old = client;
      client = null;
      await Promise.allSettled([...chats.values()]);
      await dispose(old);
    },
  };
}
