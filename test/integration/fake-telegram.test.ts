import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeTelegram, type FakeTelegramOptions, startFakeTelegram } from '../support/fake-telegram.js';

const TOKEN = '123456:test-token';

interface ApiReply {
  status: number;
  body: {
    ok: boolean;
    result?: unknown;
    error_code?: number;
    description?: string;
    parameters?: { retry_after?: number };
  };
}

// Every test gets its own fake so rate-limit windows and message ids never leak between tests.
describe('fake Telegram Bot API', () => {
  let fake: FakeTelegram | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  const start = async (opts: Partial<FakeTelegramOptions> = {}) => {
    fake = await startFakeTelegram({ token: TOKEN, ...opts });
    return fake;
  };

  const call = async (
    method: string,
    params: Record<string, unknown> | FormData | URLSearchParams = {},
    token = TOKEN,
  ): Promise<ApiReply> => {
    const init: RequestInit =
      params instanceof FormData || params instanceof URLSearchParams
        ? { method: 'POST', body: params }
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) };
    const res = await fetch(`${fake?.url}/bot${token}/${method}`, init);
    return { status: res.status, body: (await res.json()) as ApiReply['body'] };
  };

  it('listens on 127.0.0.1 and answers getMe for the right token only', async () => {
    const tg = await start();
    expect(tg.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const me = await call('getMe');
    expect(me.status).toBe(200);
    expect(me.body.result).toMatchObject({
      id: 123456,
      is_bot: true,
      first_name: 'PesanDesa Test',
      username: 'pesandesa_test_bot',
    });
    const wrong = await call('getMe', {}, '999:nope');
    expect(wrong).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect(tg.calls.map((c) => c.status)).toEqual([200, 401]);
  });

  it('records sendMessage and answers with a Message whose id grows per chat', async () => {
    const tg = await start({ perChatPerSecond: 10 });
    const markup = { inline_keyboard: [[{ text: 'Ya', callback_data: 'yes' }]] };
    const first = await call('sendMessage', { chat_id: 42, text: 'Halo', reply_markup: markup });
    const second = await call('sendMessage', { chat_id: 42, text: 'Lagi' });
    const other = await call('sendMessage', { chat_id: '77', text: 'Hai' });
    expect(first.status).toBe(200);
    expect(first.body.result).toMatchObject({
      message_id: 1,
      chat: { id: 42, type: 'private' },
      text: 'Halo',
      reply_markup: markup,
    });
    expect((first.body.result as { date: number }).date).toBeGreaterThan(1_600_000_000);
    expect(second.body.result).toMatchObject({ message_id: 2 });
    expect(other.body.result).toMatchObject({ message_id: 1, chat: { id: 77 } });
    expect(tg.sent(42).map((c) => c.params.text)).toEqual(['Halo', 'Lagi']);
    expect(tg.sent('42')).toHaveLength(2); // chat ids compare as strings
    expect(tg.sent()).toHaveLength(3);
  });

  it('limits one chat to perChatPerSecond and frees the slot after retry_after', async () => {
    const tg = await start({ perChatPerSecond: 1, retryAfterSeconds: 1 });
    const burst = await Promise.all(
      Array.from({ length: 5 }, (_, i) => call('sendMessage', { chat_id: 5, text: `m${i}` })),
    );
    const refused = burst.filter((r) => r.status === 429);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(1);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.body).toEqual({
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      });
    }
    expect(tg.sent(5)).toHaveLength(1);
    expect(tg.errors).toHaveLength(4);

    await sleep((refused[0]?.body.parameters?.retry_after ?? 1) * 1000);
    const after = await call('sendMessage', { chat_id: 5, text: 'after the wait' });
    expect(after.status).toBe(200);
    expect(tg.sent(5).map((c) => c.params.text)).toContain('after the wait');
  });

  it('limits all chats together to globalPerSecond', async () => {
    const tg = await start({ globalPerSecond: 5 });
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call('sendMessage', { chat_id: 100 + i, text: 'promo' })),
    );
    expect(burst.filter((r) => r.status === 200)).toHaveLength(5);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(5);
    expect(tg.sent()).toHaveLength(5);
    expect(tg.errors).toHaveLength(5);
  });

  it('answers 403 for blocked chats before rate limiting, and 400 / 404 for bad calls', async () => {
    const tg = await start({ blockedChats: [9] });
    const blocked = await call('sendMessage', { chat_id: 9, text: 'x' });
    expect(blocked).toEqual({
      status: 403,
      body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    });
    // Blocked refusals take no rate-limit slot: unblocking lets the very next send through.
    tg.setBlocked(9, false);
    expect((await call('sendMessage', { chat_id: 9, text: 'x' })).status).toBe(200);
    tg.setBlocked('10', true);
    expect((await call('sendDocument', { chat_id: 10, document: 'https://x/a.pdf' })).status).toBe(403);
    expect(tg.sent(10)).toHaveLength(0);

    const empty = await call('sendMessage', { chat_id: 11 });
    expect(empty).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: 'Bad Request: message text is empty' },
    });
    expect((await call('sendMessage', { text: 'no chat' })).status).toBe(400);
    const unknown = await call('sendSticker', { chat_id: 11 });
    expect(unknown).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: 'Not Found: method not found' },
    });
    expect(tg.errors).toHaveLength(0); // the error log holds only 429s
  });

  it('serves getUpdates with increasing ids, honouring offset and limit', async () => {
    const tg = await start();
    tg.queueUpdate({ message: { text: 'a' } });
    tg.queueUpdate({ message: { text: 'b' } });
    tg.queueUpdate({ message: { text: 'c' } });
    const all = (await call('getUpdates', { timeout: 0 })).body.result as Array<{ update_id: number }>;
    expect(all.map((u) => u.update_id)).toEqual([1, 2, 3]);
    const limited = (await call('getUpdates', { limit: 2 })).body.result as Array<{ update_id: number }>;
    expect(limited.map((u) => u.update_id)).toEqual([1, 2]);
    const rest = (await call('getUpdates', { offset: 3 })).body.result as Array<{ update_id: number }>;
    expect(rest.map((u) => u.update_id)).toEqual([3]);
    // Confirmed updates are gone even without an offset.
    const again = (await call('getUpdates')).body.result as Array<{ update_id: number }>;
    expect(again.map((u) => u.update_id)).toEqual([3]);
  });

  it('holds a long poll until an update is queued, and bounds an idle one', async () => {
    const tg = await start();
    const t0 = performance.now();
    const poll = call('getUpdates', { offset: 0, timeout: 30 });
    await sleep(150);
    tg.queueUpdate({ update_id: 500, message: { text: 'menu' } });
    const got = await poll;
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(got.body.result).toEqual([{ update_id: 500, message: { text: 'menu' } }]);
    tg.queueUpdate({ message: { text: 'next' } });
    const next = (await call('getUpdates', { offset: 501 })).body.result;
    expect(next).toEqual([{ update_id: 501, message: { text: 'next' } }]);

    const t1 = performance.now();
    const idle = await call('getUpdates', { offset: 502, timeout: 1 });
    expect(idle.body.result).toEqual([]);
    expect(performance.now() - t1).toBeGreaterThanOrEqual(900);
  });

  it('ends a held long poll on close', async () => {
    const tg = await start();
    const poll = call('getUpdates', { timeout: 30 });
    await sleep(100);
    await tg.close();
    fake = undefined;
    expect((await poll).body).toEqual({ ok: true, result: [] });
  });

  it('records setWebhook, reports it, refuses getUpdates meanwhile, and clears it', async () => {
    const tg = await start();
    const set = await call('setWebhook', {
      url: 'https://pesandesa.example/telegram/hook',
      secret_token: 's3cret',
      allowed_updates: ['message', 'callback_query'],
      max_connections: 10,
    });
    expect(set.body).toEqual({ ok: true, result: true });
    expect(tg.webhook).toEqual({
      url: 'https://pesandesa.example/telegram/hook',
      secretToken: 's3cret',
      allowedUpdates: ['message', 'callback_query'],
      maxConnections: 10,
    });
    const info = await call('getWebhookInfo');
    expect(info.body.result).toMatchObject({
      url: 'https://pesandesa.example/telegram/hook',
      max_connections: 10,
    });
    expect((await call('getUpdates')).status).toBe(409);

    expect((await call('deleteWebhook')).body).toEqual({ ok: true, result: true });
    expect(tg.webhook).toBeNull();
    expect((await call('getWebhookInfo')).body.result).toMatchObject({ url: '' });
  });

  it('reads multipart and urlencoded bodies, recording a sendDocument by URL', async () => {
    const tg = await start({ perChatPerSecond: 5 });
    const form = new FormData();
    form.set('chat_id', '42');
    form.set('document', 'https://files.example/po/PO-0001.pdf');
    form.set('caption', 'Surat pesanan — PO-0001');
    form.set('reply_markup', JSON.stringify({ remove_keyboard: true }));
    const byUrl = await call('sendDocument', form);
    expect(byUrl.status).toBe(200);
    expect(byUrl.body.result).toMatchObject({
      chat: { id: 42 },
      caption: 'Surat pesanan — PO-0001',
      document: { file_name: 'PO-0001.pdf' },
      reply_markup: { remove_keyboard: true },
    });
    expect(tg.sent(42)[0]?.params.document).toBe('https://files.example/po/PO-0001.pdf');

    const upload = new FormData();
    upload.set('chat_id', '42');
    upload.set('document', new Blob(['%PDF-1.7']), 'nota.pdf');
    const uploaded = await call('sendDocument', upload);
    expect(uploaded.body.result).toMatchObject({ message_id: 2, document: { file_name: 'nota.pdf' } });

    const encoded = await call('sendMessage', new URLSearchParams({ chat_id: '42', text: 'Terima kasih' }));
    expect(encoded.body.result).toMatchObject({ message_id: 3, text: 'Terima kasih' });

    const edit = await call('editMessageText', { chat_id: 42, message_id: 3, text: 'Diubah' });
    expect(edit.body.result).toMatchObject({ message_id: 3, text: 'Diubah' });
    const inline = await call('editMessageText', { inline_message_id: 'im1', text: 'Inline' });
    expect(inline.body.result).toBe(true);
    expect((await call('editMessageText', { chat_id: 42, text: 'x' })).status).toBe(400);
    expect((await call('answerCallbackQuery', { callback_query_id: 'q1' })).body.result).toBe(true);
    expect((await call('sendChatAction', { chat_id: 42, action: 'typing' })).body.result).toBe(true);
    expect(tg.sent(42).map((c) => c.method)).toEqual([
      'sendDocument',
      'sendDocument',
      'sendMessage',
      'editMessageText',
    ]);
    // An edit reuses its message id, so the next send continues the chat's sequence.
    expect((await call('sendMessage', { chat_id: 42, text: 'lagi' })).body.result).toMatchObject({
      message_id: 4,
    });
  });
});
