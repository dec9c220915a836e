import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeCloud, type FakeCloudOptions, startFakeCloud } from '../support/fake-whatsapp-cloud.js';

const TOKEN = 'EAAG-test-token';
const PHONE_ID = '109876543210';
const ALICE = '6281234567890';
const BOB = '6289876543210';

interface GraphReply {
  status: number;
  body: {
    messaging_product?: string;
    contacts?: Array<{ input: string; wa_id: string }>;
    messages?: Array<{ id: string }>;
    error?: { code: number; message: string; type?: string; error_data?: { details: string } };
  };
}

const text = (to: string, body = 'Halo') => ({
  messaging_product: 'whatsapp',
  to,
  type: 'text',
  text: { body },
});
const buttons = (to: string, count: number) => ({
  messaging_product: 'whatsapp',
  to,
  type: 'interactive',
  interactive: {
    type: 'button',
    body: { text: 'Terima penawaran?' },
    action: {
      buttons: Array.from({ length: count }, (_, n) => ({
        type: 'reply',
        reply: { id: `b${n}`, title: `Pilih ${n}` },
      })),
    },
  },
});
const listMessage = (to: string, rows: number) => ({
  messaging_product: 'whatsapp',
  to,
  type: 'interactive',
  interactive: {
    type: 'list',
    body: { text: 'Pilih kategori' },
    action: {
      button: 'Kategori',
      sections: [
        { title: 'A', rows: Array.from({ length: 6 }, (_, n) => ({ id: `a${n}`, title: `Baris ${n}` })) },
        {
          title: 'B',
          rows: Array.from({ length: rows - 6 }, (_, n) => ({ id: `b${n}`, title: `Baris ${n}` })),
        },
      ],
    },
  },
});

// Every test gets its own fake so throughput windows and message ids never leak between tests.
describe('fake WhatsApp Cloud API', () => {
  let fake: FakeCloud | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  const start = async (opts: Partial<FakeCloudOptions> = {}) => {
    fake = await startFakeCloud({ accessToken: TOKEN, phoneNumberId: PHONE_ID, ...opts });
    return fake;
  };

  const post = async (body: object, token = TOKEN, phoneId = PHONE_ID): Promise<GraphReply> => {
    const res = await fetch(`${fake?.url}/v21.0/${phoneId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as GraphReply['body'] };
  };

  it('refuses a wrong access token with 401 / code 190 and an unknown phone number id with code 100', async () => {
    await start();
    const bad = await post(text(ALICE), 'wrong');
    expect(bad.status).toBe(401);
    expect(bad.body.error).toEqual({
      message: 'Invalid OAuth access token.',
      type: 'OAuthException',
      code: 190,
    });
    const unknown = await post(text(ALICE), TOKEN, '999');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 100, message: 'Unsupported post request' });
    expect(fake?.calls.map((c) => c.status)).toEqual([401, 400]);
    expect(fake?.sent()).toEqual([]);
  });

  it('accepts a text message with the real success shape and records it', async () => {
    await start();
    const first = await post(text(ALICE, 'Pesanan #12 diterima'));
    expect(first).toEqual({
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: ALICE, wa_id: ALICE }],
        messages: [{ id: 'wamid.1' }],
      },
    });
    expect((await post(text(BOB))).body.messages).toEqual([{ id: 'wamid.2' }]);
    expect(fake?.sent()).toHaveLength(2);
    const [call] = fake?.sent(ALICE) ?? [];
    expect(call).toMatchObject({ path: `/v21.0/${PHONE_ID}/messages`, status: 200 });
    expect(call?.body).toEqual(text(ALICE, 'Pesanan #12 diterima'));
    expect(fake?.errors).toEqual([]);
  });

  it('rejects 4 reply buttons with 131009 and accepts 3', async () => {
    await start({ pairPerSixSeconds: 10 });
    const four = await post(buttons(ALICE, 4));
    expect(four.status).toBe(400);
    expect(four.body.error).toMatchObject({ code: 131009, message: 'Parameter value is not valid' });
    expect(four.body.error?.error_data?.details).toMatch(/buttons/);
    expect((await post(buttons(ALICE, 3))).status).toBe(200);
    expect(fake?.sent(ALICE)).toHaveLength(1);
  });

  it('rejects a list with 11 rows across sections with 131009 and accepts 10', async () => {
    await start({ pairPerSixSeconds: 10 });
    const eleven = await post(listMessage(ALICE, 11));
    expect(eleven.status).toBe(400);
    expect(eleven.body.error).toMatchObject({ code: 131009 });
    expect(eleven.body.error?.error_data?.details).toMatch(/rows/);
    expect((await post(listMessage(ALICE, 10))).status).toBe(200);
  });

  it('enforces the business/consumer pair limit per recipient and frees it after the window', async () => {
    await start({ pairPerSixSeconds: 1, pairWindowMs: 300 });
    expect((await post(text(ALICE))).status).toBe(200);
    const again = await post(text(ALICE));
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({
      code: 131056,
      message: '(Business Account, Consumer Account) pair rate limit hit',
    });
    expect((await post(text(BOB))).status).toBe(200); // other recipients are unaffected
    await sleep(350);
    expect((await post(text(ALICE))).status).toBe(200); // the refusal did not extend the window
    expect(fake?.sent(ALICE)).toHaveLength(2);
    expect(fake?.errors.map((c) => c.code)).toEqual([131056]);
  });

  it('caps accepted sends per second: a burst of 5 with perSecond 3 gives 3 accepted and 2 × 130429', async () => {
    await start({ perSecond: 3 });
    const recipients = ['6281100000001', '6281100000002', '6281100000003', '6281100000004', '6281100000005'];
    const replies = await Promise.all(recipients.map((to) => post(text(to))));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(3);
    const refused = replies.filter((r) => r.status !== 200);
    expect(refused.map((r) => [r.status, r.body.error?.code, r.body.error?.message])).toEqual([
      [400, 130429, 'Rate limit hit'],
      [400, 130429, 'Rate limit hit'],
    ]);
    expect(fake?.sent()).toHaveLength(3);
    expect(fake?.errors).toHaveLength(2);
    expect(fake?.calls).toHaveLength(5);
  });
});
