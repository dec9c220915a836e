/**
 * Who may do what. Plain data in, a decision out: the conversation engine, the console and the
 * workers all ask here, so a rule is written once.
 */
export type Verification = 'pending' | 'verified' | 'rejected';

export interface Subject {
  status: 'active' | 'suspended';
  officer: { verification: Verification } | null;
  vendor: { verification: Verification } | null;
}

export type Action =
  | 'chat'
  | 'post_need'
  | 'view_own_needs'
  | 'award'
  | 'record_receipt'
  | 'record_payment'
  | 'view_open_tenders'
  | 'quote'
  | 'view_own_orders'
  | 'edit_profile';

export type Denial =
  | 'suspended'
  | 'not_officer'
  | 'officer_pending'
  | 'officer_rejected'
  | 'not_vendor'
  | 'vendor_rejected';

export type Decision = { allowed: true } | { allowed: false; reason: Denial };

const OFFICER_ACTIONS: Action[] = [
  'post_need',
  'view_own_needs',
  'award',
  'record_receipt',
  'record_payment',
];
const VENDOR_ACTIONS: Action[] = ['view_open_tenders', 'quote', 'view_own_orders'];
/** Officers may look at their own lists while they wait for verification; not act. */
const OFFICER_READS: Action[] = ['view_own_needs'];

export function decide(subject: Subject, action: Action): Decision {
  if (subject.status === 'suspended') return { allowed: false, reason: 'suspended' };
  if (action === 'chat' || action === 'edit_profile') return { allowed: true };
  if (OFFICER_ACTIONS.includes(action)) {
    const o = subject.officer;
    if (!o) return { allowed: false, reason: 'not_officer' };
    if (o.verification === 'verified' || OFFICER_READS.includes(action)) return { allowed: true };
    return { allowed: false, reason: o.verification === 'rejected' ? 'officer_rejected' : 'officer_pending' };
  }
  if (VENDOR_ACTIONS.includes(action)) {
    const v = subject.vendor;
    if (!v) return { allowed: false, reason: 'not_vendor' };
    // Unverified vendors may already quote: verification ranks them, it does not shut them out.
    if (v.verification === 'rejected') return { allowed: false, reason: 'vendor_rejected' };
    return { allowed: true };
  }
  return { allowed: false, reason: 'not_officer' };
}
