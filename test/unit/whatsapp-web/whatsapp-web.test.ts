import { describe, expect, it } from 'vitest';
import { whatsappWebAdapter } from '../../../bots/whatsapp-web/adapter.js';
import type { WaClient, WaMessage } from '../../../bots/whatsapp-web/client.js';
import { digitsOf, isPersonalMessage, toInbound } from '../../../bots/whatsapp-web/inbound.js';
import type { WhatsAppWebLink } from '../../../bots/whatsapp-web/link.js';
import { renderWeb } from '../../../bots/whatsapp-web/render.js';
import {
  ChannelUnavailableError,
  type OutboxMessage,
  RecipientUnreachableError,
} from '../../../src/conversation/types.js';
import { createLogger } from '../../../src/logger.js';

const message = (over: Partial<WaMessage>): WaMessage => ({
  id: { _serialized: 'false_6281234567890@c.us_ABC' },
  from: '6281234567890@c.us',
  fromMe: false,
  isStatus: false,
  broadcast: false,
  type: 'chat',
  body: 'halo',
  timestamp: 1_790_000_000,
  hasMedia: false,
  getContact: async () => ({ number: '6281234567890' }),
  ...over,
});

describe('WhatsApp Web inbound', () => {
  it('takes only messages from a person', () => {
    expect(isPersonalMessage(message({}))).toBe(true);
    expect(isPersonalMessage(message({ from: '99887766554433@lid' }))).toBe(true);
    expect(isPersonalMessage(message({ from: '120363025246125486@g.us' }))).toBe(false);
    expect(isPersonalMessage(message({ from: 'status@broadcast', isStatus: true }))).toBe(false);
    expect(isPersonalMessage(message({ from: '120363171744447809@newsletter' }))).toBe(false);
    expect(isPersonalMessage(message({ fromMe: true }))).toBe(false);
    expect(isPersonalMessage(message({ broadcast: true }))).toBe(false);
  });

  it('knows a chat by its phone digits, as the Cloud API does, and vouches for the phone', () => {
    const inbound = toInbound(message({ _data: { notifyName: 'Bu Ratna' } }), '6281234567890');
    expect(inbound).toMatchObject({
      channel: 'whatsapp',
      externalUserId: '6281234567890',
      messageId: 'false_6281234567890@c.us_ABC',
      phone: '+6281234567890',
      text: 'halo',
      displayName: 'Bu Ratna',
    });
    expect(inbound.at.toISOString()).toBe(new Date(1_790_000_000_000).toISOString());
    expect(digitsOf('6281234567890@c.us')).toBe('6281234567890');
    expect(digitsOf('99887766554433@lid')).toBeNull();
  });

  it('reads photos, voice notes, locations, shared contacts and chosen rows', () => {
    const photo = toInbound(
      message({ type: 'image', body: 'sudah sampai', hasMedia: true, _data: { mimetype: 'image/jpeg' } }),
      '62812',
    );
    expect(photo.media).toEqual({
      kind: 'photo',
      fileId: 'false_6281234567890@c.us_ABC',
      mimeType: 'image/jpeg',
      caption: 'sudah sampai',
    });
    expect(photo.text).toBeUndefined();
    expect(toInbound(message({ type: 'ptt', body: '' }), '62812').media?.kind).toBe('voice');
    expect(
      toInbound(message({ type: 'location', location: { latitude: '-6.55', longitude: '107.44' } }), '62812')
        .location,
    ).toEqual({ latitude: -6.55, longitude: 107.44 });
    const card =
      'BEGIN:VCARD\nVERSION:3.0\nFN:Pak Asep\nTEL;type=CELL;waid=6281300000001:+62 813-0000-0001\nEND:VCARD';
    expect(toInbound(message({ type: 'vcard', vCards: [card] }), '62812').contact).toEqual({
      phone: '+62 813-0000-0001',
      name: 'Pak Asep',
    });
    expect(toInbound(message({ type: 'list_response', selectedRowId: 'yes' }), '62812').optionId).toBe('yes');
  });
});

describe('WhatsApp Web rendering', () => {
  it('numbers the options in the text, so typing the number answers', () => {
    expect(
      renderWeb({
        type: 'options',
        text: 'Kirim penawaran ini?',
        options: [
          { id: 'yes', label: 'Ya, kirim' },
          { id: 'no', label: 'Isi ulang' },
        ],
      }),
    ).toEqual({ kind: 'text', body: 'Kirim penawaran ini?\n\n*1.* Ya, kirim\n*2.* Isi ulang' });
  });

  it('cuts a long question, never its options', () => {
    const out = renderWeb({
      type: 'options',
      text: 'x'.repeat(10_000),
      options: [{ id: 'a', label: 'Pilihan terakhir' }],
    });
    expect(out.kind === 'text' && Array.from(out.body).length).toBeLessThanOrEqual(4096);
    expect(out.kind === 'text' && out.body.endsWith('*1.* Pilihan terakhir')).toBe(true);
  });
});

describe('WhatsApp Web sending', () => {
  const outbox = (over: Partial<OutboxMessage> = {}): OutboxMessage => ({
    id: 1,
    identityId: 1,
    channel: 'whatsapp',
    externalUserId: '6281234567890',
    payload: { type: 'text', text: 'halo' },
    attempts: 1,
    ...over,
  });
  const linkOf = (client: WaClient | null): WhatsAppWebLink => ({
    start() {},
    readyClient: () => client,
    status: () => ({
      channel: 'whatsapp-web',
      state: client ? 'ready' : 'disconnected',
      qr: null,
      since: new Date(0).toISOString(),
    }),
    stop: async () => {},
  });
  const clientWith = (send: WaClient['sendMessage'], registered = true): WaClient =>
    ({
      on: () => undefined,
      initialize: async () => {},
      destroy: async () => {},
      sendMessage: send,
      getNumberId: async (n: string) => (registered ? { _serialized: `${n}@c.us` } : null),
    }) as WaClient;
  const adapterFor = (client: WaClient | null, clock = { t: 0 }) =>
    whatsappWebAdapter({
      link: linkOf(client),
      factory: {
        create: async () => client as WaClient,
        mediaFromUrl: async () => ({ mimetype: 'x', data: '' }),
      },
      log: createLogger('silent'),
      intervalMs: 1000,
      jitterMs: 500,
      random: () => 0,
      now: () => clock.t,
    });

  it('hands a message back, without failing it, while the phone is away', async () => {
    await expect(adapterFor(null).send(outbox())).rejects.toBeInstanceOf(ChannelUnavailableError);
  });

  it('treats a session that closes in the middle of a send as away, not as a failure', async () => {
    const client = clientWith(async () => {
      throw new Error('Protocol error (Runtime.callFunctionOn): Session closed.');
    });
    await expect(adapterFor(client).send(outbox())).rejects.toBeInstanceOf(ChannelUnavailableError);
  });

  it('a number without WhatsApp is unreachable', async () => {
    const client = clientWith(async () => ({ id: { _serialized: 'x' } }), false);
    await expect(adapterFor(client).send(outbox())).rejects.toBeInstanceOf(RecipientUnreachableError);
  });

  it('holds at most one slot of pace; a message further back goes back to the queue', async () => {
    const sent: string[] = [];
    const client = clientWith(async (chatId) => {
      sent.push(chatId);
      return { id: { _serialized: `id${sent.length}` } };
    });
    const clock = { t: 10_000 };
    const adapter = adapterFor(client, clock);
    // The first goes at once; the second waits its 1 s slot; a third would wait 2 s: handed back.
    await expect(adapter.send(outbox())).resolves.toEqual({ externalId: 'id1' });
    const second = adapter.send(outbox());
    const third = adapter.send(outbox());
    await expect(third).rejects.toMatchObject({ name: 'ChannelUnavailableError', retryAfterMs: 2000 });
    await expect(second).resolves.toEqual({ externalId: 'id2' });
  });
});
