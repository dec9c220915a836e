import type { Kysely } from 'kysely';
import type { RegencyRules } from '../domain/rules.js';
import type { Database } from './schema.js';

/** The one reader of a regency's procurement rules (seeded at start for every loaded regency). */
export async function regencyRules(db: Kysely<Database>, regencyCode: string): Promise<RegencyRules> {
  const s = await db
    .selectFrom('procurement_settings')
    .selectAll()
    .where('regency_code', '=', regencyCode)
    .executeTakeFirstOrThrow();
  return {
    regencyCode: s.regency_code,
    directPurchaseMax: s.direct_purchase_max,
    rfqMax: s.rfq_max,
    minQuotesDirect: s.min_quotes_direct,
    minQuotesRfq: s.min_quotes_rfq,
    minQuotesOpen: s.min_quotes_open,
    inviteCount: s.invite_count,
    minQuoteWindowMinutes: s.min_quote_window_minutes,
    reminderMinutesBefore: s.reminder_minutes_before,
    timeZone: s.time_zone,
    quietStartMinute: s.quiet_start_minute,
    quietEndMinute: s.quiet_end_minute,
  };
}
