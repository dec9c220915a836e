import { defineFlow } from '../define-flow.js';
import { goto } from '../flow.js';

/** First contact: who is this person? */
export const startFlow = defineFlow({
  name: 'start',
  first: 'role',
  collectsData: false,
  data: {},
  steps: (s) => ({
    role: s.choice({
      text: (ctx) => ctx.t('start.welcome'),
      help: 'help.start',
      options: (ctx) => [
        { id: 'vendor', label: ctx.t('start.role_vendor') },
        { id: 'officer', label: ctx.t('start.role_officer') },
      ],
      choose: (role) => goto(role === 'vendor' ? 'vendor_reg' : 'officer_reg'),
    }),
  }),
});
