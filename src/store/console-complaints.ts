import type { Kysely, Transaction } from 'kysely';
import { LIST_LIMIT, regencyIn, type Scope } from './console-scope.js';
import type { Database } from './schema.js';

export type ComplaintStatus = 'open' | 'in_review' | 'resolved' | 'dismissed';

export async function listComplaints(
  db: Kysely<Database>,
  scope: Scope,
  status: ComplaintStatus | undefined,
) {
  let q = db
    .selectFrom('complaints as c')
    .leftJoin('needs as n', 'n.id', 'c.need_id')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('vendors as v', 'v.user_id', 'c.user_id')
    .leftJoin('officers as o', 'o.user_id', 'c.user_id')
    .select([
      'c.id',
      'c.regency_code',
      'c.text',
      'c.status',
      'c.resolution',
      'c.created_at',
      'c.updated_at',
      'n.id as need_id',
      'n.number as need_number',
      'u.display_name',
      'v.business_name',
      'o.full_name',
    ])
    .where(regencyIn('c.regency_code', scope));
  if (status) q = q.where('c.status', '=', status);
  return q.orderBy('c.created_at', 'desc').limit(LIST_LIMIT).execute();
}

export async function complaintForUpdate(trx: Transaction<Database>, id: number) {
  return trx
    .selectFrom('complaints')
    .select(['id', 'regency_code', 'user_id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateComplaint(
  trx: Transaction<Database>,
  id: number,
  u: { status: ComplaintStatus; resolution: string; adminId: number; now: Date },
) {
  await trx
    .updateTable('complaints')
    .set({ status: u.status, resolution: u.resolution, handled_by_admin_id: u.adminId, updated_at: u.now })
    .where('id', '=', id)
    .execute();
}
