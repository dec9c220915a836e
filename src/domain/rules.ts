import type { ThresholdSettings } from './method.js';

/**
 * What a regency's Perbup and its bureau set for procurement (procurement_settings), read in one
 * place (store/rules.ts) so that every use-case and every dialogue applies the same rules: the
 * thresholds, the minimum quote window, the time zone its dates are written in, the reminders.
 */
export interface RegencyRules extends ThresholdSettings {
  regencyCode: string;
  inviteCount: number;
  minQuoteWindowMinutes: number;
  reminderMinutesBefore: number[];
  timeZone: string;
  quietStartMinute: number;
  quietEndMinute: number;
}
