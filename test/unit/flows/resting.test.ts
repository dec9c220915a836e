import { describe, expect, it } from 'vitest';
import { FLOW_NAMES } from '../../../src/conversation/flow.js';
import { FLOWS } from '../../../src/conversation/flows/index.js';
import { RESTING_FLOWS } from '../../../src/domain/conversations.js';

describe('the screens a notice may move a person from', () => {
  it('are flows that exist and collect no answers', () => {
    for (const name of RESTING_FLOWS) {
      expect(FLOW_NAMES).toContain(name);
      expect({ name, collectsData: FLOWS[name as (typeof FLOW_NAMES)[number]].collectsData }).toEqual({
        name,
        collectsData: false,
      });
    }
  });

  it('leave out every dialogue that collects answers', () => {
    const collecting = FLOW_NAMES.filter((n) => FLOWS[n].collectsData);
    expect(collecting.length).toBeGreaterThan(5);
    for (const name of collecting) expect(RESTING_FLOWS).not.toContain(name);
  });
});
