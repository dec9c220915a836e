import { EventEmitter } from 'node:events';
import type {
  WaClient,
  WaClientFactory,
  WaMedia,
  WaMessage,
  WaMessageId,
  WaSendOptions,
} from '../../bots/whatsapp-web/client.js';

export interface FakeSent {
  /** The id WhatsApp gave the message (the outbox row's external id). */
  id: string;
  chatId: string;
  /** Phone digits of the recipient. */
  to: string;
  body: string | null;
  media: WaMedia | null;
  options: WaSendOptions | undefined;
  at: number;
  /** Which client (connection) sent it, counting from 1. */
  client: number;
}

/**
 * A stand-in for whatsapp-web.js: the bureau's phone and WhatsApp's side of the link. Each
 * `factory.create()` is a new Client (the adapter makes one per connection) with the real
 * Client's events (qr, authenticated, ready, disconnected, message) and sendMessage /
 * getNumberId. A saved session (LocalAuth) is a flag: once scanned, new clients are ready
 * without a QR code until the phone logs the device out.
 */
export class FakeWhatsAppPhone {
  linked = false;
  /** While true, WhatsApp cannot be reached: starting a client fails. */
  offline = false;
  readonly unregistered = new Set<string>();
  readonly sent: FakeSent[] = [];
  readonly clients: FakeClient[] = [];
  qrCodesShown = 0;
  private seq = 0;

  readonly factory: WaClientFactory = {
    create: async () => {
      const client = new FakeClient(this, this.clients.length + 1);
      this.clients.push(client);
      return client;
    },
    // Fetches the document for real, as MessageMedia.fromUrl does: the signed link must work.
    mediaFromUrl: async (url, filename, mimeType) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`document fetch failed: HTTP ${res.status}`);
      const data = Buffer.from(await res.arrayBuffer()).toString('base64');
      return { mimetype: res.headers.get('content-type') ?? mimeType, data, filename };
    },
  };

  get current(): FakeClient | undefined {
    return this.clients.at(-1);
  }

  /** The officer scans the QR code shown while linking. */
  scan(): void {
    const client = this.current;
    if (client?.state !== 'qr') throw new Error('no QR code is waiting to be scanned');
    this.linked = true;
    client.becomeReady();
  }

  /** The connection drops (phone off the network, WhatsApp Web refreshed, or logged out). */
  disconnect(reason = 'NAVIGATION'): void {
    if (reason === 'LOGOUT') this.linked = false;
    this.current?.drop(reason);
  }

  /** A person writes to the bureau's phone; resolves once the client has emitted the event. */
  receive(from: string, body: string, extra: Partial<WaMessage> = {}): WaMessage {
    const client = this.current;
    if (client?.state !== 'ready') throw new Error('the linked client is not ready');
    const message: WaMessage = {
      id: { _serialized: `false_${from}_IN${++this.seq}` },
      from,
      fromMe: false,
      isStatus: false,
      broadcast: false,
      type: 'chat',
      body,
      timestamp: Math.floor(Date.now() / 1000),
      hasMedia: false,
      _data: { notifyName: 'Pak Uji' },
      getContact: async () => ({ number: from.replace(/\D/g, ''), pushname: 'Pak Uji' }),
      ...extra,
    };
    client.emit('message', message);
    return message;
  }

  /** Texts sent to a number, oldest first. */
  textsTo(digits: string): string[] {
    return this.sent.filter((s) => s.to === digits).map((s) => s.body ?? s.options?.caption ?? '');
  }

  record(
    client: FakeClient,
    chatId: string,
    content: string | WaMedia,
    options?: WaSendOptions,
  ): WaMessageId {
    const to = chatId.replace(/@.*$/, '');
    const id = `true_${chatId}_OUT${++this.seq}`;
    this.sent.push({
      id,
      chatId,
      to,
      body: typeof content === 'string' ? content : null,
      media: typeof content === 'string' ? null : content,
      options,
      at: Date.now(),
      client: client.n,
    });
    return { _serialized: id };
  }
}

export class FakeClient extends EventEmitter implements WaClient {
  state: 'new' | 'qr' | 'ready' | 'dropped' | 'destroyed' = 'new';

  constructor(
    private readonly phone: FakeWhatsAppPhone,
    readonly n: number,
  ) {
    super();
  }

  async initialize(): Promise<void> {
    await new Promise((r) => setImmediate(r));
    if (this.phone.offline) throw new Error('net::ERR_INTERNET_DISCONNECTED at https://web.whatsapp.com/');
    if (this.phone.linked) {
      this.becomeReady();
      return;
    }
    this.state = 'qr';
    this.phone.qrCodesShown++;
    this.emit('qr', `2@fake-qr-${this.n},pesandesa`);
  }

  becomeReady(): void {
    this.state = 'ready';
    this.emit('authenticated');
    this.emit('ready');
  }

  drop(reason: string): void {
    if (this.state !== 'ready' && this.state !== 'qr') return;
    this.state = 'dropped';
    this.emit('disconnected', reason);
  }

  async destroy(): Promise<void> {
    this.state = 'destroyed';
    this.removeAllListeners();
  }

  async sendMessage(chatId: string, content: string | WaMedia, options?: WaSendOptions) {
    if (this.state !== 'ready') {
      throw new Error(
        'Protocol error (Runtime.callFunctionOn): Session closed. Most likely the page has been closed.',
      );
    }
    return { id: this.phone.record(this, chatId, content, options) };
  }

  async getNumberId(number: string): Promise<WaMessageId | null> {
    if (this.state !== 'ready') throw new Error('Protocol error: Session closed.');
    const digits = number.replace(/\D/g, '');
    return this.phone.unregistered.has(digits) ? null : { _serialized: `${digits}@c.us` };
  }
}
