/** The calendar grid of a month page: weeks from Monday to Sunday, days with articles linked. */
import { daysInMonth, isoWeekday } from "./dates.ts";

/** One cell of the grid; `day` is null for the blanks before the 1st and after the last day. */
export interface CalendarCell {
  readonly day: number | null;
  /** Link to the day page, when the day has articles. */
  readonly href: string | null;
  readonly count: number;
}

/** A month as rows of seven cells, Monday first. */
export interface MonthCalendar {
  readonly year: number;
  readonly month: number;
  readonly weeks: readonly (readonly CalendarCell[])[];
}

/** Short weekday names in the grid's order. */
export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/**
 * Lays out a month, Monday first, with blanks before the 1st and after the last day so every week has seven cells.
 * @param year four-digit year
 * @param month 1-based month
 * @param days articles per day of the month: day number -> {href, count}
 */
export function monthCalendar(year: number, month: number, days: ReadonlyMap<number, { href: string; count: number }>): MonthCalendar {
  const blank: CalendarCell = { day: null, href: null, count: 0 };
  const cells: CalendarCell[] = Array.from({ length: isoWeekday(year, month, 1) }, () => blank);
  const last = daysInMonth(year, month);
  for (let day = 1; day <= last; day += 1) {
    const entry = days.get(day);
    cells.push({ day, href: entry?.href ?? null, count: entry?.count ?? 0 });
  }
  while (cells.length % 7 !== 0) cells.push(blank);
  const weeks: CalendarCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { year, month, weeks };
}
