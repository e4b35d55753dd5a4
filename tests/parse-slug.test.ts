import { describe, expect, it } from "vitest";
import { articleUrl, slugify } from "../src/parse/index.ts";

describe("slugify", () => {
  it("should make readable ASCII slugs from Latin and Cyrillic headlines", () => {
    expect(slugify("Peskov: Turkey did not deport Russian specialists")).toBe("peskov-turkey-did-not-deport-russian-specialists");
    expect(slugify("Пакистан: Асия Биби символ на преследваните християни")).toBe("pakistan-asiya-bibi-simvol-na-presledvanite-khristiyani");
    expect(slugify("Йошкар-Ола: ёлка, Київ і Їжак")).toBe("yoshkar-ola-yolka-kiyiv-i-yizhak");
    expect(slugify("Účet za czexit. Už jste ho viděli?")).toBe("ucet-za-czexit-uz-jste-ho-videli");
    expect(slugify("Łódź, Straße, Ærø")).toBe("lodz-strasse-aero");
    expect(slugify("Nigel Farage's children")).toBe("nigel-farages-children");
  });

  it("should bound the length at a word boundary", () => {
    const slug = slugify("word ".repeat(100), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug).toMatch(/^word(?:-word)*$/u);
    expect(slugify("x".repeat(500), 40)).toHaveLength(40);
  });

  it("should never be empty", () => {
    for (const text of ["", "!!!", "   ", "中文标题", "\u202e"]) expect(slugify(text)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
    expect(slugify("")).toMatch(/^untitled-[a-z0-9]+$/u);
    expect(slugify("!!!")).not.toBe(slugify("???"));
  });
});

describe("articleUrl", () => {
  it("should build /YYYY/MM/DD/<slug>/ and keep hostile slugs inside it", () => {
    expect(articleUrl("2021-06-03", "peskov-turkey")).toBe("/2021/06/03/peskov-turkey/");
    expect(articleUrl("2021-06-03", "../../etc/passwd")).toBe("/2021/06/03/etc-passwd/");
    expect(articleUrl("2021-06-03", "Ёлка")).toBe("/2021/06/03/yolka/");
  });

  it("should refuse a date that is not a calendar date", () => {
    expect(() => articleUrl("2021-02-30", "x")).toThrow(RangeError);
    expect(() => articleUrl("03/06/2021", "x")).toThrow(RangeError);
  });
});
