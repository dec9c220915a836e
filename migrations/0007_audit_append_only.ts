import { type Kysely, sql } from 'kysely';

/**
 * 0003 already refuses UPDATE, DELETE and TRUNCATE on audit_log (a statement trigger). This adds
 * the other half at the database level: a new row must chain onto the last one — its prev_hash
 * is the hash of the row with the highest id (64 zeros for the first) and its hash is 64 hex
 * digits. Whether the hash matches the row's content is checked by `npm run audit:verify` (the
 * canonical JSON lives in src/domain/audit.ts). Appends are already serialised by an advisory
 * lock (src/store/audit.ts), so the last row read here is the one the writer chained onto.
 * pg_restore creates triggers after loading data, so a restore is not refused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function audit_log_check_chain() returns trigger language plpgsql as $$
    declare
      last_hash text;
    begin
      if new.hash is null or new.hash !~ '^[0-9a-f]{64}$' then
        raise exception 'audit_log: hash must be 64 hex digits';
      end if;
      select hash into last_hash from audit_log order by id desc limit 1;
      if new.prev_hash is distinct from coalesce(last_hash, repeat('0', 64)) then
        raise exception 'audit_log: a new row must chain onto the last one (prev_hash %)',
          coalesce(last_hash, repeat('0', 64));
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger audit_log_chained before insert on audit_log
    for each row execute function audit_log_check_chain()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists audit_log_chained on audit_log`.execute(db);
  await sql`drop function if exists audit_log_check_chain()`.execute(db);
}
