import type { Transaction } from 'kysely';
import type { NeedBrief } from '../domain/events.js';
import { nextAllowedTime } from '../domain/quiet-hours.js';
import * as needs from '../store/needs.js';
import type { Database } from '../store/schema.js';

/** A need as its alerts and reminders show it, in its regency's time zone. */
export const needBrief = (need: needs.NeedRow, timeZone: string): NeedBrief => ({
  id: need.id,
  number: String(need.number),
  title: need.title,
  method: need.method,
  quoteDeadline: need.quoteDeadline,
  timeZone,
});

/**
 * The vendors invited to a need who have not declined, whether they quoted, and when a message
 * may reach each (after its quiet hours, in the regency's time zone).
 */
export async function invitedVendors(
  trx: Transaction<Database>,
  needId: number,
  now: Date,
  timeZone: string,
) {
  return (await needs.activeInvitees(trx, needId)).map((v) => ({
    userId: v.user_id,
    vendorId: v.vendor_id,
    quoted: v.status === 'quoted',
    notBefore: nextAllowedTime(
      now,
      { startMinute: v.quiet_start_minute, endMinute: v.quiet_end_minute },
      timeZone,
    ),
  }));
}
