import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface ComplaintSubject {
  needId: number;
  number: string;
  title: string;
}

/**
 * What a person may complain about: the needs they took part in, latest first — as the officer
 * who posted it, or as a vendor who was invited, quoted or got the order.
 */
export async function complaintSubjects(
  db: Kysely<Database>,
  userId: number,
  limit: number,
): Promise<ComplaintSubject[]> {
  const rows = await db
    .selectFrom('needs as n')
    .select(['n.id', 'n.number', 'n.title'])
    .where((eb) =>
      eb.or([
        eb('n.officer_id', 'in', eb.selectFrom('officers').select('id').where('user_id', '=', userId)),
        eb(
          'n.id',
          'in',
          eb
            .selectFrom('invitations as i')
            .innerJoin('vendors as v', 'v.id', 'i.vendor_id')
            .select('i.need_id')
            .where('v.user_id', '=', userId),
        ),
      ]),
    )
    // A need gets its number when it is published; drafts are nobody's business yet.
    .where('n.number', 'is not', null)
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ needId: r.id, number: String(r.number), title: r.title }));
}

/**
 * Files a complaint with the regency that handles it: the need's, or else the regency of the
 * person's desa (officer) or business (vendor). Returns its id, or null when the person has no
 * regency at all (not registered).
 */
export async function fileComplaint(
  db: Kysely<Database>,
  c: { userId: number; needId: number | null; text: string },
  now: Date,
): Promise<{ id: number; regencyCode: string } | null> {
  const regencyCode = c.needId
    ? (await db.selectFrom('needs').select('regency_code').where('id', '=', c.needId).executeTakeFirst())
        ?.regency_code
    : ((
        await db
          .selectFrom('officers as o')
          .innerJoin('villages as v', 'v.code', 'o.village_code')
          .innerJoin('districts as d', 'd.code', 'v.district_code')
          .select('d.regency_code')
          .where('o.user_id', '=', c.userId)
          .executeTakeFirst()
      )?.regency_code ??
      (
        await db
          .selectFrom('vendors')
          .select('regency_code')
          .where('user_id', '=', c.userId)
          .executeTakeFirst()
      )?.regency_code);
  if (!regencyCode) return null;
  const row = await db
    .insertInto('complaints')
    .values({
      regency_code: regencyCode,
      need_id: c.needId,
      user_id: c.userId,
      text: c.text,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, regencyCode };
}
