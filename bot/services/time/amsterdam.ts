// The bureau works in Dutch time. Times are stored in UTC (ISO 8601) and shown, exported and
// counted per day in Europe/Amsterdam, summer time included, through Intl (no table of our own).

export const BUREAU_TIME_ZONE = 'Europe/Amsterdam';

const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: BUREAU_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUREAU_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
  hour: '2-digit',
  hourCycle: 'h23',
});

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "06-12-2026 14:05": what Dutch Excel and people read as a local date and time. */
export function localDateTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  return DATE_TIME.format(date).replace(',', '');
}

function parts(date: Date): Record<string, string> {
  return Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
}

/** The calendar day in Amsterdam, as "2026-12-06". */
export function localDay(date: Date): string {
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Day of the week in Amsterdam: 0 is Sunday, as Date.getDay(). */
export function localWeekday(date: Date): number {
  return WEEKDAYS.indexOf(parts(date).weekday ?? 'Sun');
}

/** The hour (0-23) in Amsterdam. */
export function localHour(date: Date): number {
  return Number(parts(date).hour);
}

/** A day ("2026-12-06") moved by `days`, as a calendar day (no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the ISO week a day falls in. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** ISO week number ("week 49"), as Dutch calendars show it. */
export function isoWeek(day: string): number {
  const thursday = new Date(`${day}T12:00:00Z`);
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
}
