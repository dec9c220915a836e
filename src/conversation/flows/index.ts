import type { Flow } from '../flow.js';
import { awardFlow } from './award.js';
import { complaintFlow } from './complaint.js';
import { myNeeds, myOrders, myQuotes, officerOrders, openTenders } from './lists.js';
import { menuFlow } from './menu.js';
import { needPost } from './need-post.js';
import { officerRegistration } from './officer-registration.js';
import { orderFlow, paymentFlow, rateFlow, receiptFlow } from './orders.js';
import { profileFlow } from './profile.js';
import { startFlow } from './start.js';
import { tenderFlow } from './tender.js';
import { vendorRegistration } from './vendor-registration.js';

/** Every dialogue the engine knows, by name. */
export const FLOWS: Record<string, Flow> = Object.fromEntries(
  [
    startFlow,
    vendorRegistration,
    officerRegistration,
    menuFlow,
    profileFlow,
    needPost,
    tenderFlow,
    awardFlow,
    orderFlow,
    receiptFlow,
    paymentFlow,
    rateFlow,
    myNeeds,
    officerOrders,
    openTenders,
    myQuotes,
    myOrders,
    complaintFlow,
  ].map((f) => [f.name, f]),
);
