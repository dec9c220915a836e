import type { Flow } from '../flow.js';
import { menuFlow } from './menu.js';
import { officerRegistration } from './officer-registration.js';
import { profileFlow } from './profile.js';
import { startFlow } from './start.js';
import { vendorRegistration } from './vendor-registration.js';

/** Every dialogue the engine knows, by name. */
export const FLOWS: Record<string, Flow> = Object.fromEntries(
  [startFlow, vendorRegistration, officerRegistration, menuFlow, profileFlow].map((f) => [f.name, f]),
);
