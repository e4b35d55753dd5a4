import { describe, expect, it } from "vitest";
import { monthCalendar } from "../src/site/index.ts";

// Months of 2024 starting on each weekday (ISO: 0 = Monday): found by hand from a printed calendar.
const STARTS: readonly [string, number, number, number][] = [
  ["Monday", 2024, 1, 0],
  ["Tuesday", 2024, 10, 1],
  ["Wednesday", 2024, 5, 2],
  ["Thursday", 2024, 2, 3],
  ["Friday", 2024, 3, 4],
  ["Saturday", 2024, 6, 5],
  ["Sunday", 2024, 9, 6],
];

describe("monthCalendar", () => {
  for (const [weekday, year, month, blanks] of STARTS) {
    it(`should put the 1st under ${weekday} for ${year}-${String(month).padStart(2, "0")}`, () => {
      const calendar = monthCalendar(year, month, new Map());
      const first = calendar.weeks[0] ?? [];
      expect(first).toHaveLength(7);
      expect(first.findIndex((cell) => cell.day === 1)).toBe(blanks);
      expect(first.slice(0, blanks).every((cell) => cell.day === null)).toBe(true);
    });
  }

  it("should hold every day of the month once, in weeks of seven", () => {
    for (const [year, month, days] of [[2024, 2, 29], [2023, 2, 28], [2024, 4, 30], [2024, 12, 31], [1900, 2, 28], [2000, 2, 29]] as const) {
      const calendar = monthCalendar(year, month, new Map());
      expect(calendar.weeks.every((week) => week.length === 7)).toBe(true);
      const numbers = calendar.weeks.flat().map((cell) => cell.day).filter((day) => day !== null);
      expect(numbers).toEqual(Array.from({ length: days }, (_, i) => i + 1));
    }
  });

  it("should use six rows for a 31-day month starting on a Sunday and four for a February starting on a Monday", () => {
    expect(monthCalendar(2024, 9, new Map()).weeks).toHaveLength(6);
    expect(monthCalendar(2027, 2, new Map()).weeks).toHaveLength(4);
  });

  it("should link exactly the days that have articles", () => {
    const calendar = monthCalendar(2024, 9, new Map([[2, { href: "/2024/09/02/", count: 2 }], [30, { href: "/2024/09/30/", count: 1 }]]));
    const linked = calendar.weeks.flat().filter((cell) => cell.href !== null);
    expect(linked.map((cell) => [cell.day, cell.href, cell.count])).toEqual([[2, "/2024/09/02/", 2], [30, "/2024/09/30/", 1]]);
  });
});
