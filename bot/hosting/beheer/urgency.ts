import { localWeekday } from '../../services/time/amsterdam.ts';
import { statusOf, type BureauRecord } from '../../services/records/repository.ts';

// A contact request that must be called back soon stands out in the list: the person asked
// for today, tonight or tomorrow (or "zo snel mogelijk"), named today's or tomorrow's weekday,
// or it has been waiting untouched for more than a day.

export interface Urgency {
  /** Short Dutch text on the badge. */
  label: string;
  reason: string;
}

// "morgen" also in "morgenochtend", but not in "'s morgens" (mornings in general).
const SOON =
  /\b(vandaag|vanavond|vanmiddag|vanochtend|vanmorgen|vannacht)|(?<!'s )\bmorgen|\b(zsm|z\.s\.m|zo snel mogelijk|spoed|dringend|direct|meteen|nu)\b/i;
const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
const WAITING_HOURS = 24;

export function urgencyOf(record: BureauRecord, now: Date): Urgency | undefined {
  if (record.kind !== 'contact' || statusOf(record) !== 'nieuw') return undefined;
  const moments = typeof record.fields.moments === 'string' ? record.fields.moments : '';
  const lower = moments.toLowerCase();
  const today = localWeekday(now);
  const soonDays = [WEEKDAYS[today], WEEKDAYS[(today + 1) % 7]];
  if (SOON.test(lower) || soonDays.some((day) => day !== undefined && lower.includes(day))) {
    return { label: 'Snel terugbellen', reason: 'De persoon wil vandaag of morgen gebeld worden.' };
  }
  const hours = (now.getTime() - Date.parse(record.createdAt)) / 3_600_000;
  if (hours > WAITING_HOURS) {
    return {
      label: 'Wacht al lang',
      reason: `Nog door niemand opgepakt, al ${Math.floor(hours / 24)} dag(en).`,
    };
  }
  return undefined;
}
