import type { ColumnType, Generated } from 'kysely';
import type { Channel } from '../domain/channels.js';

// The one typed view of the database. The migrations keep it true; `test/integration/
// schema.test.ts` checks every table and column named here exists.

// Reads give Date; writes take a Date or an ISO string. `Default*` columns may be left out.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
// JSON columns are written as JSON text (JSON.stringify) and read back parsed.
type Json<T = unknown> = ColumnType<T, string, string>;
type DefaultJson<T = unknown> = ColumnType<T, string | undefined, string>;
type Id = Generated<number>;

export type { Channel } from '../domain/channels.js';

export type Verification = 'pending' | 'verified' | 'rejected';
export type Ring = 'desa' | 'kecamatan' | 'kabupaten';
export type Method = 'pembelian_langsung' | 'permintaan_penawaran' | 'lelang';
export type NeedStatus =
  | 'draft'
  | 'published'
  | 'closed'
  | 'awarded'
  | 'ordered'
  | 'delivered'
  | 'received'
  | 'paid'
  | 'completed'
  | 'cancelled'
  | 'unsuccessful';
export type QuoteStatus = 'active' | 'superseded' | 'withdrawn' | 'awarded' | 'rejected';
export type OrderStatus =
  | 'awaiting_acceptance'
  | 'accepted'
  | 'declined'
  | 'delivered'
  | 'received'
  | 'problem'
  | 'paid'
  | 'completed'
  | 'cancelled';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'dead';

export interface ProvincesTable {
  code: string;
  name: string;
}
export interface RegenciesTable {
  code: string;
  province_code: string;
  name: string;
  kind: 'kabupaten' | 'kota';
}
export interface DistrictsTable {
  code: string;
  regency_code: string;
  name: string;
}
export interface VillagesTable {
  code: string;
  district_code: string;
  name: string;
  kind: 'desa' | 'kelurahan';
}

export interface UsersTable {
  id: Id;
  display_name: string | null;
  phone_e164: string | null;
  locale: Generated<string>;
  status: Generated<'active' | 'suspended'>;
  suspended_reason: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface ChannelIdentitiesTable {
  id: Id;
  user_id: number;
  channel: Channel;
  external_id: string;
  display_name: string | null;
  phone_e164: string | null;
  last_inbound_at: NullableTimestamp;
  unreachable_at: NullableTimestamp;
  unreachable_reason: string | null;
  created_at: DefaultTimestamp;
}
export interface AdminsTable {
  id: Id;
  email: string;
  name: string;
  password_hash: string;
  role: 'province' | 'regency';
  province_code: string | null;
  regency_code: string | null;
  disabled_at: NullableTimestamp;
  created_at: DefaultTimestamp;
  locale: Generated<string>;
}
export interface ConsoleSessionsTable {
  id: string;
  admin_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
}
export interface ConsoleLoginAttemptsTable {
  id: Id;
  email: string;
  ip: string;
  success: boolean;
  at: DefaultTimestamp;
}
export interface CategoriesTable {
  id: Generated<number>;
  code: string;
  parent_id: number | null;
  name_id: string;
  name_en: string;
  sort: Generated<number>;
  active: Generated<boolean>;
}
export interface InviteCodesTable {
  id: Id;
  code: string;
  village_code: string;
  position: string | null;
  created_by_admin_id: number | null;
  expires_at: NullableTimestamp;
  used_at: NullableTimestamp;
  created_at: DefaultTimestamp;
}
export interface OfficersTable {
  id: Id;
  user_id: number;
  village_code: string;
  position: 'kepala_desa' | 'sekdes' | 'kasi' | 'kaur' | 'tpk' | 'lainnya';
  full_name: string;
  verification: Generated<Verification>;
  invite_code_id: number | null;
  verified_at: NullableTimestamp;
  verified_by_admin_id: number | null;
  rejected_reason: string | null;
  created_at: DefaultTimestamp;
}
export interface VendorsTable {
  id: Id;
  user_id: number;
  business_name: string;
  owner_name: string;
  phone_e164: string | null;
  nib: string | null;
  village_code: string;
  district_code: string;
  regency_code: string;
  verification: Generated<Verification>;
  verified_at: NullableTimestamp;
  verified_by_admin_id: number | null;
  rejected_reason: string | null;
  quiet_start_minute: Generated<number>;
  quiet_end_minute: Generated<number>;
  alert_mode: Generated<'instant' | 'daily_digest'>;
  rating_sum: Generated<number>;
  rating_count: Generated<number>;
  invitations_count: Generated<number>;
  responses_count: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface VendorCategoriesTable {
  vendor_id: number;
  category_id: number;
}

export interface ProcurementSettingsTable {
  regency_code: string;
  direct_purchase_max: number;
  rfq_max: number;
  min_quotes_direct: Generated<number>;
  min_quotes_rfq: Generated<number>;
  min_quotes_open: Generated<number>;
  invite_count: Generated<number>;
  quiet_start_minute: Generated<number>;
  quiet_end_minute: Generated<number>;
  reminder_minutes_before: Generated<number[]>;
  min_quote_window_minutes: Generated<number>;
  time_zone: Generated<string>;
  document_names: DefaultJson<Record<string, string>>;
  complaint_recipients: DefaultJson<string[]>;
  updated_at: DefaultTimestamp;
  updated_by_admin_id: number | null;
}
export interface NumberCountersTable {
  scope: string;
  year: number;
  last_value: Generated<number>;
}
export interface NeedsTable {
  id: Id;
  number: string | null;
  officer_id: number;
  village_code: string;
  district_code: string;
  regency_code: string;
  category_id: number;
  title: string;
  method: Method;
  hps: number;
  min_quotes: number;
  status: Generated<NeedStatus>;
  quote_deadline: Timestamp;
  delivery_place: string;
  needed_by: Timestamp;
  ring: Generated<Ring>;
  direct_vendor_id: number | null;
  published_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  status_reason: string | null;
  version: Generated<number>;
  matched_at: NullableTimestamp;
  extended_count: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface NeedItemsTable {
  id: Id;
  need_id: number;
  position: number;
  name: string;
  quantity: number;
  unit: string;
  spec: string | null;
}
export interface InvitationsTable {
  id: Id;
  need_id: number;
  vendor_id: number;
  ring: Ring;
  rank: number;
  status: Generated<'pending' | 'alerted' | 'viewed' | 'declined' | 'quoted'>;
  alert_due_at: NullableTimestamp;
  alerted_at: NullableTimestamp;
  responded_at: NullableTimestamp;
  created_at: DefaultTimestamp;
}
export interface QuotesTable {
  id: Id;
  need_id: number;
  vendor_id: number;
  invitation_id: number | null;
  status: Generated<QuoteStatus>;
  total: number;
  delivery_days: number;
  note: string | null;
  revision: Generated<number>;
  submitted_at: DefaultTimestamp;
  withdrawn_at: NullableTimestamp;
}
export interface QuoteItemsTable {
  id: Id;
  quote_id: number;
  need_item_id: number;
  unit_price: number;
  line_total: number;
}
export interface OrdersTable {
  id: Id;
  number: string;
  need_id: number;
  quote_id: number;
  vendor_id: number;
  amount: number;
  offered_amount: number;
  amount_words: string;
  award_reason: string | null;
  negotiation_note: string | null;
  status: Generated<OrderStatus>;
  status_reason: string | null;
  accepted_at: NullableTimestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface MediaTable {
  id: Id;
  identity_id: number;
  kind: 'photo' | 'document' | 'voice' | 'video' | 'sticker';
  channel_file_id: string;
  mime_type: string | null;
  caption: string | null;
  created_at: DefaultTimestamp;
}
export interface DeliveriesTable {
  id: Id;
  order_id: number;
  reported_at: DefaultTimestamp;
  note: string | null;
  photo_media_id: number | null;
}
export interface ReceiptsTable {
  id: Id;
  order_id: number;
  officer_id: number;
  outcome: 'accepted' | 'problem';
  bast_number: string | null;
  problem_note: string | null;
  resolved_at: NullableTimestamp;
  created_at: DefaultTimestamp;
}
export interface PaymentsTable {
  id: Id;
  order_id: number;
  officer_id: number;
  amount: number;
  paid_on: ColumnType<Date, Date | string, Date | string>;
  method: 'transfer' | 'tunai' | 'lainnya';
  reference: string | null;
  created_at: DefaultTimestamp;
}
export interface RatingsTable {
  id: Id;
  order_id: number;
  rater_user_id: number;
  ratee_user_id: number;
  direction: 'officer_to_vendor' | 'vendor_to_officer';
  score: number;
  comment: string | null;
  created_at: DefaultTimestamp;
}
export interface ComplaintsTable {
  id: Id;
  regency_code: string;
  need_id: number | null;
  user_id: number | null;
  text: string;
  status: Generated<'open' | 'in_review' | 'resolved' | 'dismissed'>;
  resolution: string | null;
  handled_by_admin_id: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ConversationsTable {
  id: Id;
  identity_id: number;
  flow: string | null;
  step: string | null;
  data: DefaultJson<Record<string, unknown>>;
  history: DefaultJson<unknown[]>;
  misses: Generated<number>;
  version: Generated<number>;
  last_turn_at: NullableTimestamp;
  updated_at: DefaultTimestamp;
}
export interface InboundMessagesTable {
  id: Id;
  channel: string;
  external_id: string;
  identity_id: number | null;
  kind: string;
  payload: Json;
  received_at: DefaultTimestamp;
  processed_at: NullableTimestamp;
}
export interface OutboxTable {
  id: Id;
  identity_id: number;
  channel: Channel;
  payload: Json;
  purpose: Generated<string>;
  dedupe_key: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  not_before: DefaultTimestamp;
  enqueued_at: NullableTimestamp;
  sent_at: NullableTimestamp;
  external_id: string | null;
  last_error: string | null;
  on_sent: ColumnType<OnSent | null, string | null | undefined, string | null>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
/** A conversation move applied when the message is sent. */
export interface OnSent {
  flow: string;
  step: string;
  data: Record<string, unknown>;
}
export interface AuditLogTable {
  id: Id;
  at: DefaultTimestamp;
  actor_type: 'user' | 'admin' | 'system' | 'public';
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  regency_code: string | null;
  data: DefaultJson<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface LinkCodesTable {
  code: string;
  user_id: number;
  created_at: DefaultTimestamp;
  expires_at: Date;
  used_at: NullableTimestamp;
  used_by_identity_id: number | null;
}

export interface Database {
  provinces: ProvincesTable;
  regencies: RegenciesTable;
  districts: DistrictsTable;
  villages: VillagesTable;
  users: UsersTable;
  channel_identities: ChannelIdentitiesTable;
  admins: AdminsTable;
  console_sessions: ConsoleSessionsTable;
  console_login_attempts: ConsoleLoginAttemptsTable;
  categories: CategoriesTable;
  invite_codes: InviteCodesTable;
  officers: OfficersTable;
  vendors: VendorsTable;
  vendor_categories: VendorCategoriesTable;
  procurement_settings: ProcurementSettingsTable;
  number_counters: NumberCountersTable;
  needs: NeedsTable;
  need_items: NeedItemsTable;
  invitations: InvitationsTable;
  quotes: QuotesTable;
  quote_items: QuoteItemsTable;
  orders: OrdersTable;
  media: MediaTable;
  deliveries: DeliveriesTable;
  receipts: ReceiptsTable;
  payments: PaymentsTable;
  ratings: RatingsTable;
  complaints: ComplaintsTable;
  conversations: ConversationsTable;
  inbound_messages: InboundMessagesTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  link_codes: LinkCodesTable;
}
