import type { Flow, FlowName } from '../flow.js';
import { awardFlow } from './award.js';
import { complaintFlow } from './complaint.js';
import { myNeeds, myOrders, myQuotes, officerOrders, openTenders } from './lists.js';
import { menuFlow } from './menu.js';
import { needPost } from './need-post.js';
import { needView } from './need-view.js';
import { officerRegistration } from './officer-registration.js';
import { orderFlow, paymentFlow, rateFlow, receiptFlow } from './orders.js';
import { profileFlow } from './profile.js';
import { startFlow } from './start.js';
import { tenderFlow } from './tender.js';
import { vendorRegistration } from './vendor-registration.js';

/** Every dialogue the engine knows, by name (the compiler wants one for each of FLOW_NAMES). */
export const FLOWS: Record<FlowName, Flow> = {
  start: startFlow,
  vendor_reg: vendorRegistration,
  officer_reg: officerRegistration,
  menu: menuFlow,
  profile: profileFlow,
  need_post: needPost,
  need_view: needView,
  tender: tenderFlow,
  award: awardFlow,
  order: orderFlow,
  receipt: receiptFlow,
  payment: paymentFlow,
  rate: rateFlow,
  my_needs: myNeeds,
  officer_orders: officerOrders,
  open_tenders: openTenders,
  my_quotes: myQuotes,
  my_orders: myOrders,
  complaint: complaintFlow,
};

// A flow filed under another flow's name would run the wrong dialogue.
for (const [name, flow] of Object.entries(FLOWS)) {
  if (flow.name !== name) throw new Error(`flow ${flow.name} is registered as ${name}`);
}
