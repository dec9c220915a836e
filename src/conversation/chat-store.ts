import type { Transaction } from 'kysely';
import { type Effects, newEffects } from '../procurement/effects.js';
import { procurement, type UseCaseServices } from '../procurement/index.js';
import { appendAudit, type NewAuditEntry } from '../store/audit.js';
import { saveMedia, setUserLocale } from '../store/chat.js';
import { complaintSubjects, fileComplaint } from '../store/complaints.js';
import { issueLinkCode, redeemLinkCode } from '../store/link-codes.js';
import { needsOfOfficer, openInvitationsOfVendor } from '../store/needs.js';
import { getOrder, ordersOfOfficer, ordersOfVendor } from '../store/orders.js';
import { insertOutbox } from '../store/outbox.js';
import { quotesOfVendor } from '../store/quotes.js';
import * as registry from '../store/registry.js';
import type { Channel, Database } from '../store/schema.js';
import type { Outbound } from './types.js';

/**
 * The store operations a flow may use, bound to the turn's transaction, so that flows never
 * see Kysely and everything a turn writes commits or rolls back together.
 */
export function createChatStore(
  trx: Transaction<Database>,
  now: Date,
  effects: Effects = newEffects(),
  services: UseCaseServices = {},
) {
  const use = procurement(trx, now, effects, services);
  return {
    effects,
    needs: use.needs,
    orders: {
      ...use.orders,
      get: (orderId: number) => getOrder(trx, orderId),
      ofVendor: (vendorId: number, limit: number, offset: number) =>
        ordersOfVendor(trx, vendorId, limit, offset),
      ofOfficer: (officerId: number, limit: number, offset: number) =>
        ordersOfOfficer(trx, officerId, limit, offset),
    },
    lists: {
      needsOfOfficer: (officerId: number, limit: number, offset: number) =>
        needsOfOfficer(trx, officerId, limit, offset),
      openInvitations: (vendorId: number, limit: number, offset: number) =>
        openInvitationsOfVendor(trx, vendorId, now, limit, offset),
      quotesOfVendor: (vendorId: number, limit: number, offset: number) =>
        quotesOfVendor(trx, vendorId, limit, offset),
    },
    saveMedia: (m: {
      identityId: number;
      kind: 'photo' | 'document' | 'voice' | 'video' | 'sticker';
      fileId: string;
      mimeType?: string;
      caption?: string;
    }) => saveMedia(trx, m),
    listRegencies: (codes: string[]) => registry.listRegencies(trx, codes),
    listDistricts: (regencyCode: string) => registry.listDistricts(trx, regencyCode),
    listVillages: (districtCode: string, onlyDesa: boolean) =>
      registry.listVillages(trx, districtCode, onlyDesa),
    villagePlace: (villageCode: string) => registry.villagePlace(trx, villageCode),
    listCategories: () => registry.listCategories(trx),
    /** A regency's procurement rules (time zone, minimum window, thresholds). */
    rules: use.rules,
    findVendor: (userId: number) => registry.findVendorByUser(trx, userId),
    findOfficer: (userId: number) => registry.findOfficerByUser(trx, userId),
    saveVendor: (v: registry.NewVendor) => registry.saveVendor(trx, v),
    setVendorCategories: (vendorId: number, ids: number[]) =>
      registry.setVendorCategories(trx, vendorId, ids),
    updateVendorLocation: (vendorId: number, villageCode: string) =>
      registry.updateVendorLocation(trx, vendorId, villageCode),
    updateVendorQuietHours: (vendorId: number, start: number, end: number) =>
      registry.updateVendorQuietHours(trx, vendorId, start, end),
    checkInviteCode: (code: string, villageCode: string) =>
      registry.checkInviteCode(trx, code, villageCode, now),
    saveOfficer: (o: registry.NewOfficer) => registry.saveOfficer(trx, o, now),
    setLocale: (userId: number, locale: string) => setUserLocale(trx, userId, locale),
    audit: (entry: NewAuditEntry) => appendAudit(trx, entry, now),
    complaints: {
      subjects: (userId: number, limit: number) => complaintSubjects(trx, userId, limit),
      file: (c: { userId: number; needId: number | null; text: string }) => fileComplaint(trx, c, now),
    },
    linkCodes: {
      issue: (userId: number, minutes: number) => issueLinkCode(trx, userId, now, minutes),
      redeem: (code: string, identityId: number) => redeemLinkCode(trx, code, identityId, now),
    },
    /** A message to one of this person's other chats (not the one of this turn). */
    noticeTo: async (identity: { id: number; channel: Channel }, payload: Outbound) => {
      const ids = await insertOutbox(
        trx,
        [{ identityId: identity.id, channel: identity.channel, payload, purpose: 'notice' }],
        now,
      );
      effects.outboxIds.push(...ids);
    },
  };
}

export type ChatStore = ReturnType<typeof createChatStore>;
