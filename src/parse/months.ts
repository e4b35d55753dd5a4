/** Month names and abbreviations, lower case, in the languages of the corpora (en, Slavic) and a few neighbours. */
const NAMES: Record<string, readonly string[]> = {
  1: ["january", "jan", "января", "январь", "янв", "січня", "січень", "січ", "януари", "яну", "stycznia", "styczeń", "sty", "ledna", "leden", "januar", "januarja", "januára", "január", "janvier", "janv", "enero", "ene", "gennaio", "gen", "jänner"],
  2: ["february", "feb", "февраля", "февраль", "фев", "февр", "лютого", "лютий", "лют", "февруари", "lutego", "luty", "lut", "února", "únor", "februar", "februarja", "februára", "február", "février", "févr", "febrero", "febbraio"],
  3: ["march", "mar", "марта", "март", "мар", "березня", "березень", "бер", "marca", "marzec", "března", "březen", "marec", "märz", "mars", "marzo"],
  4: ["april", "apr", "апреля", "апрель", "апр", "квітня", "квітень", "квіт", "април", "kwietnia", "kwiecień", "kwi", "dubna", "duben", "aprila", "apríla", "apríl", "avril", "abril", "abr", "aprile"],
  5: ["may", "мая", "май", "травня", "травень", "трав", "maja", "maj", "května", "květen", "mája", "máj", "mai", "mayo", "maggio", "mag"],
  6: ["june", "jun", "июня", "июнь", "июн", "червня", "червень", "черв", "юни", "czerwca", "czerwiec", "cze", "června", "červen", "junij", "junija", "júna", "jún", "juni", "juin", "junio", "giugno", "giu"],
  7: ["july", "jul", "июля", "июль", "июл", "липня", "липень", "лип", "юли", "lipca", "lipiec", "lip", "července", "červenec", "julij", "julija", "júla", "júl", "juli", "juillet", "juil", "julio", "luglio", "lug"],
  8: ["august", "aug", "августа", "август", "авг", "серпня", "серпень", "серп", "sierpnia", "sierpień", "sie", "srpna", "srpen", "avgust", "avgusta", "augusta", "août", "agosto", "ago"],
  9: ["september", "sep", "sept", "сентября", "сентябрь", "сен", "сент", "вересня", "вересень", "вер", "септември", "września", "wrzesień", "wrz", "září", "septembra", "septembre", "septiembre", "settembre", "set"],
  10: ["october", "oct", "октября", "октябрь", "окт", "жовтня", "жовтень", "жовт", "октомври", "października", "październik", "paź", "října", "říjen", "oktober", "oktobra", "októbra", "október", "octobre", "octubre", "ottobre", "ott"],
  11: ["november", "nov", "ноября", "ноябрь", "ноя", "нояб", "листопада", "листопад", "лист", "ноември", "listopada", "listopad", "lis", "listopadu", "novembra", "novembre", "noviembre"],
  12: ["december", "dec", "декабря", "декабрь", "дек", "грудня", "грудень", "груд", "декември", "grudnia", "grudzień", "gru", "prosince", "prosinec", "decembra", "dezember", "décembre", "déc", "diciembre", "dic", "dicembre"],
};

// Croatian names clash with Polish and Czech ones (`listopad` is October in Croatian, November in Czech).
const CROATIAN: Record<string, readonly string[]> = {
  1: ["siječnja", "siječanj"], 2: ["veljače", "veljača"], 3: ["ožujka", "ožujak"], 4: ["travnja", "travanj"],
  5: ["svibnja", "svibanj"], 6: ["lipnja", "lipanj"], 7: ["srpnja", "srpanj"], 8: ["kolovoza", "kolovoz"],
  9: ["rujna", "rujan"], 10: ["listopada", "listopad"], 11: ["studenoga", "studenog", "studeni"], 12: ["prosinca", "prosinac"],
};

function index(table: Record<string, readonly string[]>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [month, names] of Object.entries(table)) for (const name of names) map.set(name, Number(month));
  return map;
}

const BASE = index(NAMES);
const HR = new Map([...BASE, ...index(CROATIAN)]);

/** Month number (1–12) of a month name or abbreviation, or undefined. `lang` `hr` selects Croatian names. */
export function monthNumber(name: string, lang?: string | null): number | undefined {
  const key = name.toLowerCase().replace(/\.$/u, "");
  return (lang === "hr" ? HR : BASE).get(key);
}

/** English weekday names (full and short), 0 = Sunday, used to check a weekday against its date. */
export const ENGLISH_WEEKDAYS: ReadonlyMap<string, number> = new Map(
  ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].flatMap((day, i) => [
    [day, i],
    [day.slice(0, 3), i],
  ]),
);
