import { type Kysely, sql } from 'kysely';
import { areaIn, regencyIn, type Scope } from './console-scope.js';
import type { Database } from './schema.js';

// The chat simulator's reads: web chat identities and their two-sided transcript.

/** Web chat identities, newest first: unregistered ones, and registered ones within the scope. */
export async function webIdentities(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('channel_identities as ci')
    .leftJoin('vendors as ve', 've.user_id', 'ci.user_id')
    .leftJoin('officers as of', 'of.user_id', 'ci.user_id')
    .select(['ci.external_id', 'ci.last_inbound_at', 've.business_name', 'of.full_name'])
    .where('ci.channel', '=', 'web')
    .where((eb) =>
      eb.or([
        eb.and([eb('ve.id', 'is', null), eb('of.id', 'is', null)]),
        eb.and([eb('ve.id', 'is not', null), regencyIn('ve.regency_code', scope)]),
        eb.and([eb('of.id', 'is not', null), areaIn('of.village_code', scope)]),
      ]),
    )
    .orderBy('ci.last_inbound_at', (o) => o.desc().nullsLast())
    .limit(50)
    .execute();
}

/** The regencies an identity's person belongs to (as vendor or officer); empty when unregistered. */
export async function regenciesOfWebIdentity(db: Kysely<Database>, externalId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('channel_identities as ci')
    .leftJoin('vendors as ve', 've.user_id', 'ci.user_id')
    .leftJoin('officers as of', 'of.user_id', 'ci.user_id')
    .select([
      've.regency_code',
      sql<string | null>`substring(of.village_code from 1 for 5)`.as('officer_regency'),
    ])
    .where('ci.channel', '=', 'web')
    .where('ci.external_id', '=', externalId)
    .execute();
  const out = new Set<string>();
  for (const r of rows) {
    if (r.regency_code) out.add(r.regency_code);
    if (r.officer_regency) out.add(r.officer_regency);
  }
  return [...out];
}

export interface SimLine {
  id: string;
  at: Date;
  from: 'me' | 'bot';
  payload: Record<string, unknown>;
}

export async function simTranscript(
  db: Kysely<Database>,
  externalId: string,
  limit = 80,
): Promise<SimLine[]> {
  const identity = await db
    .selectFrom('channel_identities')
    .select('id')
    .where('channel', '=', 'web')
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  if (!identity) return [];
  const [ins, outs] = await Promise.all([
    db
      .selectFrom('inbound_messages')
      .select(['id', 'received_at', 'payload'])
      .where('identity_id', '=', identity.id)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('outbox')
      .select(['id', 'sent_at', 'created_at', 'payload'])
      .where('identity_id', '=', identity.id)
      .where('status', 'in', ['sent', 'delivered', 'read'])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  ]);
  const lines: SimLine[] = [
    ...ins.map((r) => ({
      id: `i${r.id}`,
      at: r.received_at,
      from: 'me' as const,
      payload: r.payload as Record<string, unknown>,
    })),
    ...outs.map((r) => ({
      id: `o${r.id}`,
      at: r.created_at,
      from: 'bot' as const,
      payload: r.payload as Record<string, unknown>,
    })),
  ];
  return lines.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.from === 'me' ? -1 : 1)).slice(-limit);
}
