import { getDistricts, getRegencies, getVillages } from 'idn-area-data';
import type { OffsetClock } from '../../src/clock.js';
import { type Config, parseConfig } from '../../src/config/index.js';
import type { ChatStore } from '../../src/conversation/chat-store.js';
import type { FlowData, FlowName } from '../../src/conversation/flow.js';
import { FLOWS } from '../../src/conversation/flows/index.js';
import { Turn } from '../../src/conversation/turn.js';
import type { Inbound, Outbound } from '../../src/conversation/types.js';
import { regencyOf } from '../../src/domain/area-codes.js';
import { CATEGORY_TAXONOMY } from '../../src/domain/categories.js';
import type { Channel } from '../../src/domain/channels.js';
import { procurementMethod } from '../../src/domain/method.js';
import type { RegencyRules } from '../../src/domain/rules.js';
import { asLocale, type Locale } from '../../src/i18n/index.js';
import type { ConversationRow } from '../../src/store/chat.js';
import type { NeedRow } from '../../src/store/needs.js';
import type { NewOfficer, NewVendor, OfficerProfile, VendorProfile } from '../../src/store/registry.js';
import { testClock } from './time.js';

/**
 * Dialogue tests without services: a real Turn over the real flows, against an in-memory
 * ChatStore and a pinned clock. The conversation goes through JSON between turns, as it does
 * through PostgreSQL, so each flow's schema reads its answers back exactly as in production.
 *
 * The store keeps what the dialogues read and write (areas from idn-area-data, categories,
 * vendors, officers, invite codes, complaints, link codes, published needs, quotes). The
 * procurement rules after the deadline (ranking, award, orders) are not imitated here: their
 * dialogues are tested end to end (test/integration), where the real use-cases run.
 */

type Area = { code: string; name: string };
type Village = Area & { district: string; kind: 'desa' | 'kelurahan' };

interface World {
  config: Config;
  rules: RegencyRules;
  regencies: Area[];
  districts: Map<string, Area[]>;
  villages: Map<string, Village[]>;
  vendors: Map<number, VendorProfile & { userId: number }>;
  officers: Map<number, OfficerProfile & { userId: number }>;
  invites: Array<{ id: number; code: string; villageCode: string; usedAt: Date | null }>;
  complaints: Array<{ id: number; userId: number; needId: number | null; text: string }>;
  audit: Array<{ action: string; actorId: number | null }>;
  media: Array<{ id: number; kind: string; fileId: string }>;
  notices: Array<{ identityId: number; payload: Outbound }>;
  linkCodes: Map<string, number>;
  needs: Map<
    number,
    NeedRow & { items: Array<{ id: number; name: string; quantity: number; unit: string }> }
  >;
  invitations: Array<{ needId: number; vendorId: number; status: string }>;
  quotes: Array<{
    id: number;
    needId: number;
    vendorId: number;
    total: number;
    days: number;
    revision: number;
    status: string;
  }>;
  orders: Array<{
    id: number;
    number: string;
    needId: number;
    vendorId: number;
    amount: number;
    status: string;
  }>;
  locales: Map<number, Locale>;
  seq: number;
}

let areaCache: Promise<Pick<World, 'regencies' | 'districts' | 'villages'>> | null = null;

/** The official areas of the configured regencies, sorted by name as the store sorts them. */
function areasOf(regencyCodes: string[]) {
  areaCache ??= (async () => {
    const [regencies, districts, villages] = await Promise.all([
      getRegencies(),
      getDistricts(),
      getVillages(),
    ]);
    const byName = (a: Area, b: Area) => a.name.localeCompare(b.name, 'en');
    const wanted = new Set(regencyCodes);
    const districtMap = new Map<string, Area[]>();
    for (const d of districts.filter((d) => wanted.has(d.regency_code)))
      districtMap.set(d.regency_code, [
        ...(districtMap.get(d.regency_code) ?? []),
        { code: d.code, name: d.name },
      ]);
    const villageMap = new Map<string, Village[]>();
    for (const v of villages) {
      if (!wanted.has(regencyOf(v.code))) continue;
      const kind = v.code.split('.')[3]?.startsWith('1') ? 'kelurahan' : 'desa';
      villageMap.set(v.district_code, [
        ...(villageMap.get(v.district_code) ?? []),
        { code: v.code, name: v.name, district: v.district_code, kind },
      ]);
    }
    for (const list of [...districtMap.values(), ...villageMap.values()]) list.sort(byName);
    return {
      regencies: regencies
        .filter((r) => wanted.has(r.code))
        .map((r) => ({ code: r.code, name: r.name }))
        .sort(byName),
      districts: districtMap,
      villages: villageMap,
    };
  })();
  return areaCache;
}

const CATEGORIES = CATEGORY_TAXONOMY.map((c, i) => ({ id: i + 1, ...c }));

function memoryStore(w: World, now: Date): ChatStore {
  const id = () => ++w.seq;
  const villageOf = (code: string) => {
    for (const list of w.villages.values()) {
      const v = list.find((x) => x.code === code);
      if (v) return v;
    }
    return null;
  };
  const vendorOfUser = (userId: number) => [...w.vendors.values()].find((v) => v.userId === userId) ?? null;
  const officerOfUser = (userId: number) => [...w.officers.values()].find((o) => o.userId === userId) ?? null;
  const notInMemory = (name: string) => (): never => {
    throw new Error(`${name} is not imitated in memory: test it end to end (test/integration)`);
  };
  const tender = (userId: number, needId: number) => {
    const vendor = vendorOfUser(userId);
    if (!vendor) return { error: 'not_vendor' as const };
    const need = w.needs.get(needId);
    if (!need) return { error: 'not_found' as const };
    const invitation = w.invitations.find((i) => i.needId === needId && i.vendorId === vendor.id);
    if (!invitation) return { error: 'not_invited' as const };
    const q = w.quotes.find((x) => x.needId === needId && x.vendorId === vendor.id && x.status === 'active');
    const open = need.status === 'published' && need.quoteDeadline > now;
    const latest = w.quotes
      .filter((x) => x.needId === needId && x.vendorId === vendor.id && x.status !== 'superseded')
      .at(-1);
    const kind = !latest
      ? 'none'
      : latest.status === 'withdrawn'
        ? 'withdrawn'
        : latest.status === 'awarded'
          ? 'won'
          : latest.status === 'rejected'
            ? 'lost'
            : 'waiting';
    return {
      need,
      outcome: open ? null : { kind, total: latest?.total ?? null },
      items: need.items,
      mine: q
        ? { id: q.id, total: q.total, delivery_days: q.days, revision: q.revision, submitted_at: now }
        : undefined,
      vendor,
      open,
      declined: invitation.status === 'declined',
      village: villageOf(need.villageCode)?.name ?? '',
      timeZone: w.rules.timeZone,
    };
  };
  const store = {
    effects: { events: [], outboxIds: [], jobs: [] },
    needs: {
      preview: async (userId: number, hps: number) => {
        const o = officerOfUser(userId);
        if (!o) return { error: 'not_officer' as const };
        if (o.verification !== 'verified') return { error: 'officer_pending' as const };
        return {
          ...procurementMethod(hps, w.rules),
          minWindowMinutes: w.rules.minQuoteWindowMinutes,
          timeZone: w.rules.timeZone,
          villageCode: o.villageCode,
        };
      },
      // The verified vendors of the category, as matching would rank the nearest (all in one desa here).
      recommend: async (_userId: number, categoryId: number) => ({
        vendors: [...w.vendors.values()]
          .filter((v) => v.verification === 'verified' && v.categoryIds.includes(categoryId))
          .slice(0, 3)
          .map((v) => ({ vendorId: v.id, ring: 'desa' as const, rating: null, name: v.businessName })),
      }),
      publish: async (userId: number, input: Parameters<ChatStore['needs']['publish']>[1]) => {
        const o = officerOfUser(userId);
        if (!o) return { error: 'not_officer' as const };
        const { method, minQuotes } = procurementMethod(input.hps, w.rules);
        const needId = id();
        const number = `PD-${w.rules.regencyCode.replace('.', '')}-${needId}`;
        w.needs.set(needId, {
          id: needId,
          number,
          officerId: o.id,
          villageCode: o.villageCode,
          districtCode: villageOf(o.villageCode)?.district ?? '',
          regencyCode: w.rules.regencyCode,
          categoryId: input.categoryId,
          title: input.title,
          method,
          hps: input.hps,
          minQuotes,
          status: 'published',
          quoteDeadline: input.deadline,
          deliveryPlace: input.deliveryPlace,
          neededBy: input.neededBy,
          publishedAt: now,
          matchedAt: null,
          ring: 'desa',
          directVendorId: input.directVendorId ?? null,
          items: input.items.map((i) => ({ id: id(), name: i.name, quantity: i.quantity, unit: i.unit })),
        });
        return { needId, number, method, minQuotes };
      },
      tenderForVendor: async (userId: number, needId: number) => tender(userId, needId),
      viewed: async (userId: number, needId: number) => {
        const v = vendorOfUser(userId);
        const inv = w.invitations.find((i) => i.needId === needId && i.vendorId === v?.id);
        if (inv) inv.status = 'viewed';
      },
      declineInvitation: async (userId: number, needId: number) => {
        const v = vendorOfUser(userId);
        if (!v) return { error: 'not_vendor' as const };
        const inv = w.invitations.find((i) => i.needId === needId && i.vendorId === v.id);
        if (inv) inv.status = 'declined';
        return { ok: true as const };
      },
      reconsiderInvitation: async (userId: number, needId: number) => {
        const v = vendorOfUser(userId);
        const inv = w.invitations.find((i) => i.needId === needId && i.vendorId === v?.id);
        if (inv) inv.status = 'viewed';
        return { ok: true as const };
      },
      submitQuote: async (userId: number, needId: number, q: { total: number; deliveryDays: number }) => {
        const t = tender(userId, needId);
        if ('error' in t) return t;
        if (!t.open) return { error: 'closed' as const };
        const current = w.quotes.find(
          (x) => x.needId === needId && x.vendorId === t.vendor.id && x.status === 'active',
        );
        if (current) current.status = 'superseded';
        const saved = {
          id: id(),
          needId,
          vendorId: t.vendor.id,
          total: q.total,
          days: q.deliveryDays,
          revision: (current?.revision ?? 0) + 1,
          status: 'active',
        };
        w.quotes.push(saved);
        return {
          id: saved.id,
          revision: saved.revision,
          deadline: t.need.quoteDeadline,
          number: t.need.number,
          timeZone: w.rules.timeZone,
        };
      },
      withdrawQuote: async (userId: number, needId: number) => {
        const v = vendorOfUser(userId);
        const current = w.quotes.find(
          (x) => x.needId === needId && x.vendorId === v?.id && x.status === 'active',
        );
        if (!current) return { error: 'wrong_state' as const };
        current.status = 'withdrawn';
        return { ok: true as const };
      },
      // After the deadline: the active quotes cheapest first (ties and ratings are not imitated).
      ranked: async (userId: number, needId: number) => {
        const need = w.needs.get(needId);
        if (!need) return { error: 'not_found' as const };
        if (need.officerId !== officerOfUser(userId)?.id) return { error: 'not_yours' as const };
        if (need.quoteDeadline > now) return { error: 'wrong_state' as const };
        const all = w.quotes.filter(
          (q) => q.needId === needId && q.status !== 'superseded' && q.status !== 'withdrawn',
        );
        const ranked = all
          .filter((q) => q.status === 'active')
          .sort((a, b) => a.total - b.total)
          .map((q) => ({
            id: q.id,
            quoteId: q.id,
            vendor_id: q.vendorId,
            user_id: w.vendors.get(q.vendorId)?.userId ?? 0,
            business_name: w.vendors.get(q.vendorId)?.businessName ?? '',
            total: q.total,
            delivery_days: q.days,
            rating_sum: 0,
            rating_count: 0,
            ring: 'desa',
            status: q.status,
          }));
        return { need, ranked, received: all.length };
      },
      award: notInMemory('needs.award'),
      extend: notInMemory('needs.extend'),
      declareUnsuccessful: notInMemory('needs.declareUnsuccessful'),
      overview: async (userId: number, needId: number) => {
        const need = w.needs.get(needId);
        if (!need || need.officerId !== officerOfUser(userId)?.id) return { error: 'not_found' as const };
        const order = w.orders.filter((o) => o.needId === needId).at(-1);
        return {
          need,
          quotes: w.quotes.filter((q) => q.needId === needId && q.status === 'active').length,
          order: order
            ? {
                id: order.id,
                number: order.number,
                amount: order.amount,
                status: order.status,
                business_name: w.vendors.get(order.vendorId)?.businessName ?? '',
              }
            : null,
          timeZone: w.rules.timeZone,
        };
      },
    },
    orders: {
      accept: async (userId: number, orderId: number) => {
        const o = w.orders.find((x) => x.id === orderId);
        if (!o || w.vendors.get(o.vendorId)?.userId !== userId) return { error: 'not_yours' as const };
        if (o.status !== 'awaiting_acceptance') return { error: 'wrong_state' as const };
        o.status = 'accepted';
        return { ok: true as const, order: { number: o.number } };
      },
      decline: async (userId: number, orderId: number) => {
        const o = w.orders.find((x) => x.id === orderId);
        if (!o || w.vendors.get(o.vendorId)?.userId !== userId) return { error: 'not_yours' as const };
        if (o.status !== 'awaiting_acceptance') return { error: 'wrong_state' as const };
        o.status = 'declined';
        return { ok: true as const };
      },
      reportDelivery: notInMemory('orders.reportDelivery'),
      confirmReceipt: notInMemory('orders.confirmReceipt'),
      reportProblem: notInMemory('orders.reportProblem'),
      recordPayment: notInMemory('orders.recordPayment'),
      rate: notInMemory('orders.rate'),
      get: async (orderId: number) => {
        const o = w.orders.find((x) => x.id === orderId);
        const need = o && w.needs.get(o.needId);
        if (!o || !need) return undefined;
        const officer = w.officers.get(need.officerId);
        return {
          id: o.id,
          number: o.number,
          status: o.status,
          amount: o.amount,
          amountWords: '',
          needTitle: need.title,
          businessName: w.vendors.get(o.vendorId)?.businessName ?? '',
          officerUserId: officer?.userId ?? 0,
          vendorUserId: w.vendors.get(o.vendorId)?.userId ?? 0,
        };
      },
      ofVendor: async () => [],
      ofOfficer: async () => [],
    },
    lists: {
      needsOfOfficer: async () => [],
      openInvitations: async () => [],
      quotesOfVendor: async () => [],
    },
    saveMedia: async (m: { kind: string; fileId: string }) => {
      const mediaId = id();
      w.media.push({ id: mediaId, kind: m.kind, fileId: m.fileId });
      return mediaId;
    },
    listRegencies: async (codes: string[]) => w.regencies.filter((r) => codes.includes(r.code)),
    listDistricts: async (regencyCode: string) => w.districts.get(regencyCode) ?? [],
    listVillages: async (districtCode: string, onlyDesa: boolean) =>
      (w.villages.get(districtCode) ?? [])
        .filter((v) => !onlyDesa || v.kind === 'desa')
        .map((v) => ({ code: v.code, name: v.name })),
    villagePlace: async (villageCode: string) => {
      const v = villageOf(villageCode);
      if (!v) return undefined;
      const district = (w.districts.get(regencyOf(villageCode)) ?? []).find((d) => d.code === v.district);
      return {
        code: v.code,
        village: v.name,
        kind: v.kind,
        districtCode: v.district,
        district: district?.name ?? '',
        regencyCode: regencyOf(villageCode),
      };
    },
    listCategories: async () => CATEGORIES,
    rules: async () => w.rules,
    findVendor: async (userId: number) => vendorOfUser(userId),
    findOfficer: async (userId: number) => officerOfUser(userId),
    saveVendor: async (v: NewVendor) => {
      const vendorId = id();
      w.vendors.set(vendorId, {
        id: vendorId,
        userId: v.userId,
        businessName: v.businessName,
        ownerName: v.ownerName,
        phone: v.phone,
        nib: v.nib,
        villageCode: v.villageCode,
        verification: 'pending',
        quietStartMinute: v.quietStartMinute,
        quietEndMinute: v.quietEndMinute,
        categoryIds: v.categoryIds,
      });
      return vendorId;
    },
    setVendorCategories: async (vendorId: number, ids: number[]) => {
      const v = w.vendors.get(vendorId);
      if (v) v.categoryIds = ids;
    },
    updateVendorLocation: async (vendorId: number, villageCode: string) => {
      const v = w.vendors.get(vendorId);
      if (v) v.villageCode = villageCode;
    },
    updateVendorQuietHours: async (vendorId: number, start: number, end: number) => {
      const v = w.vendors.get(vendorId);
      if (v) Object.assign(v, { quietStartMinute: start, quietEndMinute: end });
    },
    checkInviteCode: async (code: string, villageCode: string) => {
      const row = w.invites.find((i) => i.code === code);
      if (!row) return { ok: false as const, reason: 'unknown' as const };
      if (row.usedAt) return { ok: false as const, reason: 'used' as const };
      if (row.villageCode !== villageCode) return { ok: false as const, reason: 'other_village' as const };
      return { ok: true as const, id: row.id };
    },
    saveOfficer: async (o: NewOfficer) => {
      const officerId = id();
      const invite = w.invites.find((i) => i.id === o.inviteCodeId);
      if (invite) invite.usedAt = now;
      w.officers.set(officerId, {
        id: officerId,
        userId: o.userId,
        fullName: o.fullName,
        villageCode: o.villageCode,
        position: o.position,
        verification: invite ? 'verified' : 'pending',
      });
      return officerId;
    },
    setLocale: async (userId: number, locale: string) => {
      w.locales.set(userId, asLocale(locale));
    },
    audit: async (entry: { action: string; actorId: number | null }) => {
      w.audit.push({ action: entry.action, actorId: entry.actorId });
    },
    complaints: {
      subjects: async (userId: number) =>
        [...w.needs.values()]
          .filter((n) => n.officerId === officerOfUser(userId)?.id)
          .map((n) => ({ needId: n.id, number: String(n.number), title: n.title })),
      file: async (c: { userId: number; needId: number | null; text: string }) => {
        const complaintId = id();
        w.complaints.push({ id: complaintId, ...c });
        return { id: complaintId, regencyCode: w.rules.regencyCode };
      },
    },
    linkCodes: {
      issue: async (userId: number) => {
        const code = String(100000 + id()).slice(-6);
        w.linkCodes.set(code, userId);
        return code;
      },
      redeem: async (code: string) => {
        const userId = w.linkCodes.get(code);
        if (userId === undefined) return { ok: false as const, error: 'unknown' as const };
        w.linkCodes.delete(code);
        return { ok: true as const, userId, previousIdentities: [] };
      },
    },
    noticeTo: async (identity: { id: number }, payload: Outbound) => {
      w.notices.push({ identityId: identity.id, payload });
    },
  };
  // The memory store answers the same calls with the same shapes; the compiler checks the
  // shapes of everything it imitates (the `notInMemory` ones are typed `never`).
  return store satisfies Omit<ChatStore, 'needs' | 'orders'> as unknown as ChatStore;
}

export interface HarnessChat {
  userId: number;
  /** Sends a typed message (or a tap with `{ optionId }`); returns the replies of the turn. */
  say(text: string | Partial<Inbound>): Promise<Outbound[]>;
  /** The last reply's text, and its option labels. */
  readonly last: { text: string; options: string[] };
  readonly flow: string | null;
  readonly step: string | null;
  readonly data: FlowData;
  /** Puts the conversation at a step of a flow with this context (as a notice would). */
  enter(flow: FlowName, step: string, data: FlowData): void;
}

export interface FlowHarness {
  clock: OffsetClock;
  world: World;
  config: Config;
  chat(opts?: { channel?: Channel; phone?: string; locale?: Locale }): HarnessChat;
  /** A registered vendor (verified) or officer, with its chat. */
  vendor(name?: string): Promise<HarnessChat & { vendorId: number }>;
  officer(opts?: { verified?: boolean }): Promise<HarnessChat & { officerId: number }>;
  /** An invite code for a desa of the regency. */
  invite(villageCode: string, code?: string): void;
  /** A published need the vendor is invited to, with its items. */
  seedTender(
    officerId: number,
    vendorId: number,
    need: {
      title: string;
      hps: number;
      deadline: Date;
      items: Array<{ name: string; quantity: number; unit: string }>;
    },
  ): number;
  /** An order awarded to the vendor on a seeded need, awaiting its answer. */
  seedOrder(needId: number, vendorId: number, amount: number): number;
  /** The first desa of the regency's first kecamatan (for seeding people). */
  firstDesa(): Village;
}

export async function flowHarness(
  opts: { clock?: OffsetClock; env?: Record<string, string> } = {},
): Promise<FlowHarness> {
  const clock = opts.clock ?? testClock('10.00');
  const config = parseConfig({ AREA_REGENCIES: '32.14', ...opts.env });
  const areas = await areasOf(config.AREA_REGENCIES);
  const regencyCode = config.AREA_REGENCIES[0] ?? '32.14';
  const world: World = {
    config,
    rules: {
      regencyCode,
      directPurchaseMax: 10_000_000,
      rfqMax: 200_000_000,
      minQuotesDirect: 1,
      minQuotesRfq: 2,
      minQuotesOpen: 3,
      inviteCount: 5,
      minQuoteWindowMinutes: config.MIN_QUOTE_WINDOW_MINUTES,
      reminderMinutesBefore: [120],
      timeZone: config.TIME_ZONE,
      quietStartMinute: 21 * 60,
      quietEndMinute: 6 * 60,
    },
    ...areas,
    vendors: new Map(),
    officers: new Map(),
    invites: [],
    complaints: [],
    audit: [],
    media: [],
    notices: [],
    linkCodes: new Map(),
    needs: new Map(),
    invitations: [],
    quotes: [],
    orders: [],
    locales: new Map(),
    seq: 1000,
  };
  let people = 0;

  function chat(o: { channel?: Channel; phone?: string; locale?: Locale } = {}): HarnessChat {
    const userId = ++people;
    const identityId = userId;
    if (o.locale) world.locales.set(userId, o.locale);
    let conversation: ConversationRow = {
      id: identityId,
      flow: null,
      step: null,
      data: {},
      history: [],
      misses: 0,
      version: 0,
      lastTurnAt: null,
    };
    let replies: Outbound[] = [];
    let n = 0;
    const self: HarnessChat = {
      userId,
      async say(input) {
        const now = clock.now();
        const inbound: Inbound = {
          channel: o.channel ?? 'web',
          externalUserId: `mem-${userId}`,
          messageId: `m${++n}`,
          at: now,
          ...(o.phone ? { phone: o.phone } : {}),
          ...(typeof input === 'string' ? { text: input } : input),
        };
        const turn = new Turn({
          flows: FLOWS,
          conversation,
          config,
          now,
          input: inbound,
          locale: world.locales.get(userId) ?? asLocale(config.DEFAULT_LOCALE),
          actor: {
            userId,
            identityId,
            channel: inbound.channel,
            status: 'active',
            channelPhone: o.phone ?? null,
          },
          store: memoryStore(world, now),
        });
        replies = await turn.run();
        // Stored between turns as in PostgreSQL's jsonb: Dates become strings.
        conversation = { ...JSON.parse(JSON.stringify(turn.conversation)), lastTurnAt: now };
        return replies;
      },
      get last() {
        const r = replies.at(-1);
        const text = r && 'text' in r ? r.text : r?.type === 'document' ? r.caption : '';
        return { text, options: r?.type === 'options' ? r.options.map((x) => x.label) : [] };
      },
      get flow() {
        return conversation.flow;
      },
      get step() {
        return conversation.step;
      },
      get data() {
        return conversation.data;
      },
      enter(flow, step, data) {
        conversation = {
          ...conversation,
          flow,
          step,
          data: { ...data, __context: Object.keys(data) },
          history: [],
        };
      },
    };
    return self;
  }

  const firstDesa = (): Village => {
    const district = areas.districts.get(regencyCode)?.[0];
    const desa = (district && areas.villages.get(district.code)?.find((v) => v.kind === 'desa')) || undefined;
    if (!desa) throw new Error(`no desa in ${regencyCode}`);
    return desa;
  };

  return {
    clock,
    world,
    config,
    chat,
    firstDesa,
    async vendor(name = 'TB Maju Jaya') {
      const c = chat();
      const vendorId = ++world.seq;
      world.vendors.set(vendorId, {
        id: vendorId,
        userId: c.userId,
        businessName: name,
        ownerName: 'Budi',
        phone: '+6281234567890',
        nib: null,
        villageCode: firstDesa().code,
        verification: 'verified',
        quietStartMinute: 0,
        quietEndMinute: 0,
        categoryIds: [1],
      });
      return Object.assign(c, { vendorId });
    },
    async officer({ verified = true } = {}) {
      const c = chat();
      const officerId = ++world.seq;
      world.officers.set(officerId, {
        id: officerId,
        userId: c.userId,
        fullName: 'Siti',
        villageCode: firstDesa().code,
        position: 'tpk',
        verification: verified ? 'verified' : 'pending',
      });
      return Object.assign(c, { officerId });
    },
    invite(villageCode, code = 'DESA-1234') {
      world.invites.push({ id: ++world.seq, code, villageCode, usedAt: null });
    },
    seedOrder(needId, vendorId, amount) {
      const orderId = ++world.seq;
      world.orders.push({
        id: orderId,
        number: `SP-3214-${orderId}`,
        needId,
        vendorId,
        amount,
        status: 'awaiting_acceptance',
      });
      const need = world.needs.get(needId);
      if (need) need.status = 'awarded';
      return orderId;
    },
    seedTender(officerId, vendorId, need) {
      const officer = world.officers.get(officerId);
      if (!officer) throw new Error('seedTender: unknown officer');
      const needId = ++world.seq;
      const { method, minQuotes } = procurementMethod(need.hps, world.rules);
      world.needs.set(needId, {
        id: needId,
        number: `PD-3214-${needId}`,
        officerId,
        villageCode: officer.villageCode,
        districtCode: firstDesa().district,
        regencyCode,
        categoryId: 1,
        title: need.title,
        method,
        hps: need.hps,
        minQuotes,
        status: 'published',
        quoteDeadline: need.deadline,
        deliveryPlace: 'Kantor desa',
        neededBy: new Date(need.deadline.getTime() + 7 * 86_400_000),
        publishedAt: clock.now(),
        matchedAt: clock.now(),
        ring: 'desa',
        directVendorId: null,
        items: need.items.map((i) => ({ id: ++world.seq, ...i })),
      });
      world.invitations.push({ needId, vendorId, status: 'alerted' });
      return needId;
    },
  };
}
