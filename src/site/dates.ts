/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Never goes through local time: the only `Date` use is
 * `Date.UTC`/`getUTCDay`, which do not depend on the machine's time zone.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** English name of a month, 1-based. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** `2019-03-07` as `7 March 2019`. */
export function humanDate(date: string): string {
  const [year, month, day] = splitDate(date);
  return `${day} ${monthName(month)} ${year}`;
}

/** Splits `YYYY-MM-DD` into numbers. */
export function splitDate(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Days in a month (month 1-based), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of the week of a calendar date, 0 = Monday … 6 = Sunday (ISO order). */
export function isoWeekday(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** Zero-pads a number to two digits. */
export function pad2(value: number): string {
  return String(value).padStart(2, "0");
}
