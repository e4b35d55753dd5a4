import { describe, expect, it } from "vitest";
import { readDateLine } from "../src/parse/index.ts";

const value = (line: string, lang?: string): unknown => readDateLine(line, lang)?.value ?? null;
const rule = (line: string): string | undefined => readDateLine(line)?.problems[0]?.rule;

describe("readDateLine", () => {
  it("should read the date formats of the layouts and their family", () => {
    const cases: Array<[string, string]> = [
      ["03 June 2021", "2021-06-03"],
      ["Friday, January 4, 2019", "2019-01-04"],
      ["Thursday, October 10, 2019\u00a0", "2019-10-10"],
      ["June 3, 2021", "2021-06-03"],
      ["Jun. 3rd, 2021", "2021-06-03"],
      ["2021-06-03", "2021-06-03"],
      ["3 июня 2021", "2021-06-03"],
      ["3 июня 2021 г.", "2021-06-03"],
      ["03.06.2021", "2021-06-03"],
      ["3. června 2021", "2021-06-03"],
      ["3 czerwca 2021", "2021-06-03"],
      ["3 юни 2021", "2021-06-03"],
      ["3 червня 2021 року", "2021-06-03"],
      ["3. junija 2021", "2021-06-03"],
      ["2021/06/03", "2021-06-03"],
      ["25/12/2021", "2021-12-25"],
      ["29 February 2024", "2024-02-29"],
    ];
    for (const [line, date] of cases) expect(value(line)).toEqual({ date, time: null, timezone: null });
  });

  it("should read times and zones as written, in 24-hour form", () => {
    expect(value("26-FEB-1987 15:01:01.79")).toEqual({ date: "1987-02-26", time: "15:01:01", timezone: null });
    expect(value("Fri Oct 20, 2006 4:25pm EDT")).toEqual({ date: "2006-10-20", time: "16:25", timezone: "EDT" });
    expect(value("Tue Jan 15, 2013 12:50am EST")).toEqual({ date: "2013-01-15", time: "00:50", timezone: "EST" });
    expect(value("2016-10-25T23:01:07+03:00")).toEqual({ date: "2016-10-25", time: "23:01:07", timezone: "+03:00" });
    expect(value("2016-10-25 23:01Z")).toEqual({ date: "2016-10-25", time: "23:01", timezone: "Z" });
  });

  it("should read Croatian month names only for Croatian text", () => {
    expect(value("17. listopada 2016.", "hr")).toEqual({ date: "2016-10-17", time: null, timezone: null });
    expect(value("17. listopada 2016.", "pl")).toEqual({ date: "2016-11-17", time: null, timezone: null });
  });

  it("should report impossible dates and times instead of guessing", () => {
    expect(rule("2021-02-30")).toBe("date-impossible");
    expect(rule("30 February 2021")).toBe("date-impossible");
    expect(rule("29 February 2023")).toBe("date-impossible");
    expect(rule("2021-13-01")).toBe("date-impossible");
    expect(value("2021-02-30")).toBeNull();
    expect(readDateLine("2021-06-03 25:61")?.problems[0]?.rule).toBe("time-impossible");
    expect(value("2021-06-03 25:61")).toEqual({ date: "2021-06-03", time: null, timezone: null });
  });

  it("should report ambiguous slashed dates and two-digit years instead of guessing", () => {
    expect(rule("Friday, 3/6/21")).toBe("date-ambiguous");
    expect(rule("03/06/2021")).toBe("date-ambiguous");
    expect(value("03/06/2021")).toBeNull();
    expect(rule("03/06/21")).toBe("date-ambiguous");
  });

  it("should warn when the weekday does not fall on the date, keeping the date", () => {
    const reading = readDateLine("Saturday, January 4, 2019");
    expect(reading?.value?.date).toBe("2019-01-04");
    expect(reading?.problems[0]?.rule).toBe("date-weekday-mismatch");
  });

  it("should not take headlines, subheadings or sentences for dates", () => {
    for (const line of ["Unacceptable demands", "In 2021 there were 3 cases", "June 2021", "3 June", "May 3 people die", "2021", "1984. A year, not a list.", "x".repeat(10_000) + " 2021-06-03", "Analysis 2: 12 June 21", "Friday, 3 June", "Room 101, floor 12, 3-4 June"]) {
      expect(readDateLine(line)).toBeNull();
    }
  });
});
