import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.js';
import { ChatClient, type ChatMessage } from './chat.js';

/**
 * Chat scripts shared by the lifecycle tests: people registering and an officer posting a need
 * through the web chat API, and small queries on what reached them.
 */

/** A village of the test regency (32.14, Purwakarta) by name. */
export async function villageCode(db: Kysely<Database>, name: string): Promise<string> {
  const row = await db
    .selectFrom('villages')
    .select('code')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .where('code', 'like', '32.14.%')
    .executeTakeFirstOrThrow();
  return row.code;
}

/** An officer of Desa Bojong Timur (Kec. Bojong), verified by a fresh invite code. */
export async function registerOfficer(
  db: Kysely<Database>,
  baseUrl: string,
  identity: string,
  inviteCode: string,
): Promise<ChatClient> {
  await db
    .insertInto('invite_codes')
    .values({ code: inviteCode, village_code: await villageCode(db, 'Bojong Timur') })
    .execute();
  const c = new ChatClient(baseUrl, identity);
  await c.say('halo');
  await c.say('2');
  await c.say('Hendra Gunawan');
  await c.say('Bojong');
  await c.say('Bojong Timur');
  await c.say('5');
  await c.say(inviteCode);
  const done = await c.say('ya');
  if (!done.text.includes('Akun Anda sudah aktif')) {
    throw new Error(`officer registration did not finish: ${done.text}`);
  }
  return c;
}

/** A vendor of bahan bangunan (category 1), with the default quiet hours (21.00–06.00). */
export async function registerVendor(
  baseUrl: string,
  identity: string,
  business: string,
  kecamatan = 'Bojong',
  desa = 'Bojong Timur',
): Promise<ChatClient> {
  const c = new ChatClient(baseUrl, identity);
  await c.say('halo');
  await c.say('1');
  await c.say(business);
  await c.say(`Pemilik ${business}`);
  await c.say('081234567890');
  await c.say('1'); // Bahan bangunan
  await c.say(kecamatan);
  await c.say(desa);
  await c.say('lewati');
  await c.say('ya');
  await c.fetchNew();
  return c;
}

/** Menu → Profil saya → Ubah jam tenang → `answer`; returns the profile shown after saving. */
export async function changeQuietHours(vendor: ChatClient, answer: string): Promise<ChatMessage> {
  await vendor.say('menu');
  await vendor.say('Profil saya');
  await vendor.say('Ubah jam tenang');
  return vendor.say(answer);
}

export interface NeedInput {
  title: string;
  item?: string;
  quantity?: string;
  hps: string;
  deadline: string;
  neededBy: string;
}

/** The officer posts a need of category 1 with one item; returns its number (PD-…). */
export async function postNeed(officer: ChatClient, n: NeedInput): Promise<string> {
  await officer.say('menu');
  await officer.say('Buat kebutuhan baru');
  await officer.say(n.title);
  await officer.say('1');
  await officer.say(n.item ?? 'Semen 50 kg');
  await officer.say(n.quantity ?? '10 sak');
  await officer.say('sudah');
  await officer.say(n.hps);
  await officer.say(n.deadline);
  await officer.say('1'); // delivered to the village office
  await officer.say(n.neededBy);
  let published = await officer.say('ya');
  // A direct purchase asks how to choose the supplier first: ask the nearest ones for quotes.
  if (published.text.includes('bagaimana memilih penyedianya')) published = await officer.say('1');
  const number = /Kebutuhan \*(PD-[\d-]+)\* sudah diumumkan/.exec(published.text)?.[1];
  if (!number) throw new Error(`need not published: ${published.text}`);
  return number;
}

/** The outbox rows addressed to a web chat identity, oldest first. */
export function outboxOf(db: Kysely<Database>, identity: string, purpose?: string) {
  let q = db
    .selectFrom('outbox as o')
    .innerJoin('channel_identities as ci', 'ci.id', 'o.identity_id')
    .select(['o.id', 'o.status', 'o.attempts', 'o.purpose', 'o.dedupe_key', 'o.not_before', 'o.payload'])
    .where('ci.channel', '=', 'web')
    .where('ci.external_id', '=', identity);
  if (purpose) q = q.where('o.purpose', '=', purpose);
  return q.orderBy('o.id').execute();
}

export async function vendorId(db: Kysely<Database>, business: string): Promise<number> {
  return (
    await db
      .selectFrom('vendors')
      .select('id')
      .where('business_name', '=', business)
      .executeTakeFirstOrThrow()
  ).id;
}

/** How many messages of a transcript match. */
export const countMessages = (messages: ChatMessage[], match: (m: ChatMessage) => boolean) =>
  messages.filter(match).length;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
