import type { Flow } from '../flow.js';
import { goto } from '../flow.js';
import { choiceStep } from '../steps.js';

/** First contact: who is this person? */
export const startFlow: Flow = {
  name: 'start',
  first: 'role',
  collectsData: false,
  steps: {
    role: choiceStep({
      text: (ctx) => ctx.t('start.welcome'),
      help: 'help.start',
      options: (ctx) => [
        { id: 'vendor', label: ctx.t('start.role_vendor') },
        { id: 'officer', label: ctx.t('start.role_officer') },
      ],
      choose: (role) => goto(role === 'vendor' ? 'vendor_reg' : 'officer_reg'),
    }),
  },
};
