import { type Action, decide, type Subject } from '../../domain/policy.js';
import type { MessageKey } from '../../i18n/index.js';
import { defineFlow } from '../define-flow.js';
import type { FlowName, TurnContext } from '../flow.js';
import { goto, next } from '../flow.js';
import { pickOption } from '../steps.js';

/** A menu entry starts a flow (help answers in place), when the policy allows the action. */
interface MenuItem {
  id: string;
  label: MessageKey;
  action: Action;
  flow?: FlowName;
}

const OFFICER_MENU: MenuItem[] = [
  { id: 'post_need', label: 'menu.post_need', action: 'post_need', flow: 'need_post' },
  { id: 'my_needs', label: 'menu.my_needs', action: 'view_own_needs', flow: 'my_needs' },
  { id: 'orders', label: 'menu.officer_orders', action: 'view_own_needs', flow: 'officer_orders' },
  { id: 'profile', label: 'menu.profile', action: 'edit_profile', flow: 'profile' },
  { id: 'complaint', label: 'menu.complaint', action: 'chat', flow: 'complaint' },
  { id: 'help', label: 'menu.help', action: 'chat' },
];

const VENDOR_MENU: MenuItem[] = [
  { id: 'open_tenders', label: 'menu.open_tenders', action: 'view_open_tenders', flow: 'open_tenders' },
  { id: 'my_quotes', label: 'menu.my_quotes', action: 'quote', flow: 'my_quotes' },
  { id: 'my_orders', label: 'menu.my_orders', action: 'view_own_orders', flow: 'my_orders' },
  { id: 'profile', label: 'menu.profile', action: 'edit_profile', flow: 'profile' },
  { id: 'complaint', label: 'menu.complaint', action: 'chat', flow: 'complaint' },
  { id: 'help', label: 'menu.help', action: 'chat' },
];

async function subjectOf(ctx: TurnContext<object>): Promise<Subject & { role: 'officer' | 'vendor' | null }> {
  const [officer, vendor] = await Promise.all([
    ctx.store.findOfficer(ctx.actor.userId),
    ctx.store.findVendor(ctx.actor.userId),
  ]);
  return {
    status: ctx.actor.status,
    officer: officer ? { verification: officer.verification } : null,
    vendor: vendor ? { verification: vendor.verification } : null,
    role: officer ? 'officer' : vendor ? 'vendor' : null,
  };
}

const DENIAL_KEYS: Record<string, MessageKey> = {
  suspended: 'policy.suspended',
  not_officer: 'policy.not_officer',
  officer_pending: 'policy.officer_pending',
  officer_rejected: 'policy.officer_rejected',
  not_vendor: 'policy.not_vendor',
  vendor_rejected: 'policy.vendor_rejected',
};

export const menuFlow = defineFlow({
  name: 'menu',
  first: 'main',
  collectsData: false,
  data: {},
  steps: (s) => ({
    main: s.step({
      help: 'help.menu',
      async prompt(ctx) {
        const s = await subjectOf(ctx);
        const items = s.role === 'vendor' ? VENDOR_MENU : OFFICER_MENU;
        return {
          text: ctx.t(s.role === 'vendor' ? 'menu.vendor_title' : 'menu.officer_title'),
          options: items.map((i) => ({ id: i.id, label: ctx.t(i.label) })),
        };
      },
      async handle(ctx) {
        const s = await subjectOf(ctx);
        if (!s.role) return goto('start');
        const items = s.role === 'vendor' ? VENDOR_MENU : OFFICER_MENU;
        const picked = await pickOption(
          ctx,
          items.map((i) => ({ id: i.id, label: ctx.t(i.label) })),
        );
        if (typeof picked !== 'string') return picked;
        const item = items.find((i) => i.id === picked);
        if (!item) return next('main');
        if (item.id === 'help') return next('main', [ctx.t('help.menu')]);
        const decision = decide(s, item.action);
        if (!decision.allowed)
          return next('main', [ctx.t(DENIAL_KEYS[decision.reason] ?? 'policy.not_officer')]);
        return goto(item.flow ?? 'menu');
      },
    }),
  }),
});
