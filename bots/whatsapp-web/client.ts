import { existsSync } from 'node:fs';

/**
 * The part of whatsapp-web.js's `Client` the adapter uses. The real Client satisfies it as it
 * is; the tests' stand-in (test/support/fake-whatsapp-web.ts) implements the same surface.
 */

export interface WaMessageId {
  _serialized: string;
}

/** A received message, as whatsapp-web.js hands it to the `message` event (fields we read). */
export interface WaMessage {
  id: WaMessageId;
  /** `<digits>@c.us` for a person, `<id>@lid` for a person behind a linked id, `…@g.us` for a group. */
  from: string;
  fromMe: boolean;
  isStatus: boolean;
  broadcast: boolean;
  /** Set in groups: who in the group wrote it. */
  author?: string;
  type: string;
  body: string;
  /** Seconds since the epoch. */
  timestamp: number;
  hasMedia: boolean;
  location?: { latitude: number | string; longitude: number | string; description?: string };
  vCards?: string[];
  selectedButtonId?: string;
  selectedRowId?: string;
  /** Raw fields: the sender's profile name, a media's mime type and caption. */
  _data?: { notifyName?: string; mimetype?: string; caption?: string };
  getContact(): Promise<{ number?: string; pushname?: string }>;
}

/** An attachment ready to send (whatsapp-web.js's MessageMedia). */
export interface WaMedia {
  mimetype: string;
  data: string;
  filename?: string | null;
}

export interface WaSendOptions {
  caption?: string;
  sendMediaAsDocument?: boolean;
  linkPreview?: boolean;
}

export interface WaClient {
  on(event: 'qr', listener: (qr: string) => void): unknown;
  on(event: 'authenticated' | 'ready', listener: () => void): unknown;
  on(event: 'auth_failure', listener: (message: string) => void): unknown;
  on(event: 'disconnected', listener: (reason: string) => void): unknown;
  on(event: 'message', listener: (message: WaMessage) => void): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  sendMessage(
    chatId: string,
    content: string | WaMedia,
    options?: WaSendOptions,
  ): Promise<{ id: WaMessageId }>;
  /** The chat id to send to, or null when the number has no WhatsApp. */
  getNumberId(number: string): Promise<WaMessageId | null>;
}

/** Makes a fresh client (a reconnect throws the old one away) and media from a URL. */
export interface WaClientFactory {
  create(): Promise<WaClient>;
  mediaFromUrl(url: string, filename: string, mimeType: string): Promise<WaMedia>;
}

export interface RealClientOptions {
  /** LocalAuth keeps the linked session here, so a restart needs no new QR code. */
  sessionDir: string;
  chromiumPath: string;
}

/**
 * whatsapp-web.js driving the system Chromium (puppeteer's own browser is never downloaded),
 * headless, with the session under DATA_DIR. Loaded only when WHATSAPP_MODE=web.
 */
export function realClientFactory(opts: RealClientOptions): WaClientFactory {
  const load = async () => {
    const mod = (await import('whatsapp-web.js')) as unknown as {
      default: typeof import('whatsapp-web.js');
    };
    return mod.default;
  };
  return {
    async create() {
      if (!existsSync(opts.chromiumPath)) {
        throw new Error(
          `WhatsApp Web needs Chromium, and there is none at CHROMIUM_PATH=${opts.chromiumPath}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`,
        );
      }
      const { Client, LocalAuth } = await load();
      const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
      const client = new Client({
        authStrategy: new LocalAuth({ clientId: 'pesandesa', dataPath: opts.sessionDir }),
        // Someone opening WhatsApp Web elsewhere with the bureau's phone would stop the bot;
        // take the session back after a minute rather than stay silent.
        takeoverOnConflict: true,
        takeoverTimeoutMs: 60_000,
        puppeteer: {
          executablePath: opts.chromiumPath,
          headless: true,
          args: [
            ...(asRoot ? ['--no-sandbox'] : []),
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      });
      return client as unknown as WaClient;
    },
    async mediaFromUrl(url, filename, mimeType) {
      const { MessageMedia } = await load();
      const media = await MessageMedia.fromUrl(url, { unsafeMime: true, filename });
      if (!media.mimetype || media.mimetype === 'application/octet-stream') media.mimetype = mimeType;
      return media;
    },
  };
}
