import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { ChatClient, optionLabels, TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { startTestSystem } from '../support/system.js';

describe('global commands, typos, idling and duplicates in the middle of registration', () => {
  let t: TestDb;
  let system: RunningSystem;
  let n = 0;
  const chat = () => new ChatClient(String(system.url), `cmd-${++n}`);

  /** A vendor registration brought to the phone question. */
  async function atPhoneStep(c: ChatClient) {
    await c.say('halo');
    await c.say('1');
    await c.say('Warung Bu Tini');
    return c.say('Tini');
  }

  beforeAll(async () => {
    t = await createTestDb();
    system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      ADMIN_TOKEN: TEST_TOKEN,
      OUTBOX_SWEEP_INTERVAL_MS: '500',
    });
  });
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  it('kembali goes to the previous question and keeps the answers', async () => {
    const c = chat();
    await atPhoneStep(c);
    const back = await c.say('kembali');
    expect(back.text).toContain('nama pemilik');
    expect((await c.say('Bu Tini Rahayu')).text).toContain('nomor HP');
    await c.say('081234567890');
    await c.say('3');
    await c.say('Bojong');
    await c.say('1');
    const summary = await c.say('lewati');
    expect(summary.text).toContain('Warung Bu Tini');
    expect(summary.text).toContain('Bu Tini Rahayu');
  });

  it('kembali at the first question says so and asks it again', async () => {
    const c = chat();
    await c.say('halo');
    await c.say('1');
    const r = await c.say('kembali');
    expect(r.text).toContain('sudah pertanyaan pertama');
    expect(r.text).toContain('nama usaha');
  });

  it('batal asks before throwing answers away; "tidak" continues where it was', async () => {
    const c = chat();
    await atPhoneStep(c);
    const ask = await c.say('batal');
    expect(ask.text).toContain('Batalkan pendaftaran usaha?');
    expect(optionLabels(ask)).toEqual(['Ya, batalkan', 'Tidak, lanjutkan']);
    const resumed = await c.say('tidak');
    expect(resumed.text).toContain('nomor HP');
    await c.say('batal');
    const gone = await c.say('1');
    expect(gone.text).toContain('Dibatalkan');
    expect(optionLabels(gone)).toEqual(['Penyedia / pemilik usaha', 'Perangkat desa']);
    expect(
      await t.db.selectFrom('vendors').select('id').where('business_name', '=', 'Warung Bu Tini').execute(),
    ).toEqual([]);
  });

  it('menu in the middle of a form also asks first', async () => {
    const c = chat();
    await atPhoneStep(c);
    const ask = await c.say('menu');
    expect(ask.text).toContain('Batalkan pendaftaran usaha?');
    const back = await c.say('2');
    expect(back.text).toContain('nomor HP');
  });

  it('bantuan explains the current question and asks it again', async () => {
    const c = chat();
    await atPhoneStep(c);
    const help = await c.say('bantuan');
    expect(help.text).toContain('Nomor ini dipakai desa');
    expect(help.text).toContain('nomor HP');
  });

  it('the language can be switched mid-form, and the question is asked again in it', async () => {
    const c = chat();
    await atPhoneStep(c);
    const ask = await c.say('bahasa');
    expect(optionLabels(ask)).toEqual(['Bahasa Indonesia', 'English']);
    const en = await c.say('2');
    expect(en.text).toContain('Language changed to English');
    expect(en.text).toContain('phone number');
    const id = await c.say('indonesia');
    expect(id.text).toContain('nomor HP');
  });

  it('forgives typos and case in option labels', async () => {
    const c = chat();
    await c.say('halo');
    const r = await c.say('perangkat dsa');
    expect(r.text).toContain('nama lengkap');
    await c.say('Dedi');
    const desa = await c.say('BOJNOG');
    expect(optionLabels(desa)).toContain('Bojong Timur');
  });

  it('a wrong answer gets a hint and the same question; three in a row offer help or the menu', async () => {
    const c = chat();
    await c.say('halo');
    const first = await c.say('7');
    expect(first.text).toContain('Ketik nomor 1 sampai 2');
    expect(optionLabels(first)).toHaveLength(2);
    await c.say('xyz');
    const third = await c.say('??!');
    expect(third.text).toContain('Ketik *bantuan*');
    expect(third.text).toContain('*menu*');
    // …and the flow still works after that.
    expect((await c.say('1')).text).toContain('nama usaha');
  });

  it('a sticker or voice note gets a kind reply and the same question', async () => {
    const c = chat();
    await atPhoneStep(c);
    const res = await c.post({ media: { kind: 'voice', fileId: 'voice-1' } });
    expect(res.status).toBe(202);
    const r = await c.reply();
    expect(r.text).toContain('pesan suara belum bisa kami baca');
    expect(r.text).toContain('nomor HP');
  });

  it('after idling, offers once to continue or start again', async () => {
    const c = chat();
    await atPhoneStep(c);
    const identity = await t.db
      .selectFrom('channel_identities')
      .select('id')
      .where('external_id', '=', c.identity)
      .executeTakeFirstOrThrow();
    // Two hours pass.
    await t.db
      .updateTable('conversations')
      .set({ last_turn_at: new Date(Date.now() - 2 * 3600_000) })
      .where('identity_id', '=', identity.id)
      .execute();
    const ask = await c.say('081234567890');
    expect(ask.text).toContain('belum menyelesaikan pendaftaran usaha');
    expect(optionLabels(ask)).toEqual(['Ya, lanjutkan', 'Mulai lagi dari awal']);
    const resumed = await c.say('1');
    expect(resumed.text).toContain('nomor HP');
    // Answered once: the next message is an answer again, not another offer.
    expect((await c.say('081234567890')).text).toContain('menjual apa');
  });

  it('"mulai lagi" after idling restarts the form from its first question', async () => {
    const c = chat();
    await atPhoneStep(c);
    await t.db
      .updateTable('conversations')
      .set({ last_turn_at: new Date(Date.now() - 2 * 3600_000) })
      .where('identity_id', 'in', (eb) =>
        eb.selectFrom('channel_identities').select('id').where('external_id', '=', c.identity),
      )
      .execute();
    await c.say('halo lagi');
    const restart = await c.say('mulai lagi');
    expect(restart.text).toContain('nama usaha');
  });

  it('the same inbound message delivered twice has one effect', async () => {
    const c = chat();
    await c.say('halo');
    const first = await c.post({ id: 'dup-1', text: '1' });
    const second = await c.post({ id: 'dup-1', text: '1' });
    expect(first.json).toMatchObject({ duplicate: false, replies: 1 });
    expect(second.json).toMatchObject({ duplicate: true, replies: 0 });
    await c.reply();
    const conv = await t.db
      .selectFrom('conversations')
      .innerJoin('channel_identities as ci', 'ci.id', 'conversations.identity_id')
      .select(['flow', 'step'])
      .where('ci.external_id', '=', c.identity)
      .executeTakeFirstOrThrow();
    expect(conv).toEqual({ flow: 'vendor_reg', step: 'business_name' });
    const outbox = await t.db
      .selectFrom('outbox')
      .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
      .select('outbox.id')
      .where('ci.external_id', '=', c.identity)
      .execute();
    expect(outbox).toHaveLength(2);
  });

  it('refuses the web chat API without the operator token', async () => {
    const res = await fetch(`${system.url}/api/chat/someone/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer wrong-token-000000000' },
      body: JSON.stringify({ text: 'halo' }),
    });
    expect(res.status).toBe(401);
    const none = await fetch(`${system.url}/api/chat/someone/messages`);
    expect(none.status).toBe(401);
    expect(
      await t.db
        .selectFrom('inbound_messages')
        .select('id')
        .where('external_id', 'like', '%someone%')
        .execute(),
    ).toEqual([]);
  });

  it('refuses a malformed message with a clear sentence', async () => {
    const c = chat();
    const res = await c.post({ text: 42 });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('bad_message');
  });
});
