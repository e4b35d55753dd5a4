import { describe, expect, it } from "vitest";
import { detectLanguage } from "../src/parse/language.ts";
import { parseArticle } from "../src/parse/index.ts";

const english =
  "Russian specialists who were servicing air defense missile systems S-400 in Turkey are coming back home as planned, there is no question of their deportation, the spokesman told reporters on Thursday.";
const russian =
  "Черногория присоединилась к санкциям Евросоюза против России, введенным в связи с украинским кризисом, чтобы как можно скорее вступить в ЕС и НАТО, заявил президент.";
const bulgarian =
  "Европейската комисия призова Пакистан да вземе мерки за сигурността на своите граждани, след като съдът оправда жената, която беше осъдена на смърт за богохулство през 2010 година.";
const ukrainian =
  "Європейська комісія закликала уряд вжити заходів для безпеки своїх громадян, після того як суд виправдав жінку, яку було засуджено до страти, повідомляє агентство.";
const polish =
  "Komisja Europejska wezwała rząd do podjęcia działań w sprawie bezpieczeństwa obywateli, ale minister powiedział, że nie jest to możliwe przed wyborami, które odbędą się w maju.";

describe("detectLanguage", () => {
  it("should tell English, Russian, Bulgarian, Ukrainian and Polish apart", () => {
    expect(detectLanguage(english)).toBe("en");
    expect(detectLanguage(russian)).toBe("ru");
    expect(detectLanguage(bulgarian)).toBe("bg");
    expect(detectLanguage(ukrainian)).toBe("uk");
    expect(detectLanguage(polish)).toBe("pl");
  });

  it("should give null for too little text, numbers and tables rather than guess", () => {
    expect(detectLanguage("Peskov said")).toBeNull();
    expect(detectLanguage("1,655.8 872.0 164.6 2,692.4 (4,161.0) 48.0 nil 15.0 (7.9) 20.0 100.9 45.1 166.1 218.5")).toBeNull();
    expect(detectLanguage("")).toBeNull();
  });

  it("should count words as runs of letters of any plane, in any case, and not count digits or lone surrogates", () => {
    const eleven = "the and of to in is that for was on with";
    // Twelve words is the least it guesses from.
    expect(detectLanguage(`${eleven} \u{1D400}`)).toBe("en");
    expect(detectLanguage(`${eleven.toUpperCase()} X`)).toBe("en");
    expect(detectLanguage(`${eleven} \ud800`)).toBeNull();
    expect(detectLanguage(`${eleven} 1984`)).toBeNull();
  });
});

describe("parseArticle language", () => {
  it("should guess the language of a file that does not declare one", () => {
    const record = parseArticle(`A headline\n\n03 June 2021\n\n${english}\n`, { path: "a.txt" });
    expect(record.lang).toBe("en");
  });

  it("should keep a declared language over the guess", () => {
    const record = parseArticle(`---\nlang: de\n---\nA headline\n\n03 June 2021\n\n${english}\n`, { path: "a.txt" });
    expect(record.lang).toBe("de");
  });

  it("should read headerless Russian text as Russian", () => {
    const record = parseArticle(`${russian}\n\n${russian}\n`, { path: "b.txt" });
    expect(record.lang).toBe("ru");
  });
});
