import type { Kysely } from 'kysely';
import type { OffsetClock } from '../../src/clock.js';
import type { Database } from '../../src/store/schema.js';
import type { RunningSystem } from '../../src/system.js';
import { ChatClient, type ChatMessage } from './chat.js';
import { eventually } from './system.js';

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
  return registerVendorAs(new ChatClient(baseUrl, identity), business, kecamatan, desa);
}

/** Registers a vendor of bahan bangunan through an existing client (any channel). */
export async function registerVendorAs(
  c: ChatClient,
  business: string,
  kecamatan = 'Bojong',
  desa = 'Bojong Timur',
): Promise<ChatClient> {
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

/**
 * The winning vendor reports the delivery with a photo: Menu → Pesanan saya → the first order →
 * the photo. Returns the bot's answer.
 */
export async function reportDelivery(vendor: ChatClient, photoId: string): Promise<ChatMessage> {
  await vendor.say('menu');
  await vendor.say('Pesanan saya');
  await vendor.say('1');
  const res = await vendor.post({ media: { kind: 'photo', fileId: photoId, caption: 'Sudah sampai' } });
  if (res.status !== 202) throw new Error(`delivery photo refused: ${res.status}`);
  return vendor.reply();
}

/** Menu → Profil saya → Ubah jam istirahat → `answer`; returns the profile shown after saving. */
export async function changeQuietHours(vendor: ChatClient, answer: string): Promise<ChatMessage> {
  await vendor.say('menu');
  await vendor.say('Profil saya');
  await vendor.say('Ubah jam istirahat');
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

/**
 * Waits until the need is matched, then lives through the night as a vendor would: when the test's
 * clock is inside someone's quiet hours, their alerts wait in the outbox for the morning, so the
 * clock moves to the last held row and the due deliveries are released. By day nothing moves.
 * (Tests about quiet hours themselves pin their clock to the night and look at the held rows.)
 */
export async function matchedAndAlerted(
  db: Kysely<Database>,
  system: RunningSystem,
  clock: OffsetClock,
  number: string,
): Promise<void> {
  await eventually(async () => {
    const need = await db
      .selectFrom('needs')
      .select('matched_at')
      .where('number', '=', number)
      .executeTakeFirst();
    return Boolean(need?.matched_at);
  });
  const held = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.max('not_before').as('latest'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  const latest = held?.latest ? new Date(held.latest as Date | string) : null;
  if (latest && latest.getTime() > clock.now().getTime()) {
    clock.set(new Date(latest.getTime() + 1_000));
    await system.accelerate();
  }
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

export interface SeededVendor {
  channel: 'telegram' | 'whatsapp' | 'web';
  externalId: string;
  lastInboundAt?: Date;
}

/**
 * An open lelang (every matching vendor is invited) and its vendors, written straight into the
 * database for tests about fan-out: vendors in the officer's desa, quiet hours off.
 */
export async function seedOpenTender(
  db: Kysely<Database>,
  opts: {
    number: string;
    category: string;
    vendors: SeededVendor[];
    /** The system's clock when it is not the wall clock: the deadline is 3 days after it. */
    now?: Date;
  },
): Promise<{ needId: number }> {
  const village = await db
    .selectFrom('villages')
    .select(['code', 'district_code'])
    .where('kind', '=', 'desa')
    .executeTakeFirstOrThrow();
  const category = (
    await db.selectFrom('categories').select('id').where('code', '=', opts.category).executeTakeFirstOrThrow()
  ).id;
  const users = await db
    .insertInto('users')
    .values(opts.vendors.map((v) => ({ display_name: v.externalId })))
    .returning('id')
    .execute();
  await db
    .insertInto('channel_identities')
    .values(
      users.map((u, i) => {
        const v = opts.vendors[i] as SeededVendor;
        return {
          user_id: u.id,
          channel: v.channel,
          external_id: v.externalId,
          last_inbound_at: v.lastInboundAt ?? null,
        };
      }),
    )
    .execute();
  const vendors = await db
    .insertInto('vendors')
    .values(
      users.map((u, i) => ({
        user_id: u.id,
        business_name: `Toko ${i}`,
        owner_name: 'Pemilik',
        village_code: village.code,
        district_code: village.district_code,
        regency_code: '32.14',
        quiet_start_minute: 0,
        quiet_end_minute: 0,
      })),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('vendor_categories')
    .values(vendors.map((v) => ({ vendor_id: v.id, category_id: category })))
    .execute();
  const officerUser = await db
    .insertInto('users')
    .values({ display_name: 'officer' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const officer = await db
    .insertInto('officers')
    .values({
      user_id: officerUser.id,
      village_code: village.code,
      position: 'tpk',
      full_name: 'TPK',
      verification: 'verified',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = opts.now ?? new Date();
  const deadline = new Date(now.getTime() + 3 * 86_400_000);
  const need = await db
    .insertInto('needs')
    .values({
      number: opts.number,
      officer_id: officer.id,
      village_code: village.code,
      district_code: village.district_code,
      regency_code: '32.14',
      category_id: category,
      title: 'Kebutuhan uji',
      method: 'lelang',
      hps: 300_000_000,
      min_quotes: 3,
      status: 'published',
      quote_deadline: deadline,
      delivery_place: 'Kantor desa',
      needed_by: new Date(deadline.getTime() + 86_400_000),
      published_at: now,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('need_items')
    .values({ need_id: need.id, position: 1, name: 'Semen', quantity: 100, unit: 'sak' })
    .execute();
  return { needId: need.id };
}
