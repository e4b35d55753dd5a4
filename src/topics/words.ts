/**
 * Closed word lists the extractor relies on: capitalised words that are never topics, the role words that
 * announce a person, and the head words that make a name an organisation.
 */

/** Capitalised words that start sentences or name times, never topics on their own. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those there here it its it's he she they we i you his her their our my your him them
  us me who whom whose what which when where why how while after before during since until unless although though
  because if but and or nor so yet also as at by for from in into of off on onto out over per than to under up
  upon via with within without about above across against along among around behind below beneath beside between
  beyond despite down except inside near outside past through throughout toward towards all any both each every
  few many more most much no none not one other others several some such only own same too very just then now
  today yesterday tomorrow tonight meanwhile however moreover furthermore nevertheless instead still even later
  earlier first second third last next former latest another namely unfortunately fortunately due given following according be is are was were been being has have had do
  does did will would shall should can could may might must let said says say told asked added image images photo
  photos video file caption source sources update updated editor note read see click mr mrs ms dr
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec week weekend year month
  day morning afternoon evening night christmas easter
  reuter reuters ap afp tass wikinews interview related sister links external utc gmt est edt pst i'm i've i'd
  i'll yes yeah okay ok well thank thanks please oh hello hi sir madam`
    .split(/\s+/u)
    .filter((w) => w !== ""),
);

/** Role and title words: they precede a person's name and are not part of it. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  `president vice prime minister ministers secretary assistant deputy undersecretary under foreign defense defence
  finance interior trade agriculture economy energy health justice treasury labor labour home chancellor
  senator sen rep representative congressman congresswoman governor gov mayor mr mrs ms miss dr sir lord lady
  king queen prince princess crown emperor pope cardinal bishop archbishop father reverend rev imam rabbi sheikh
  emir ayatollah general gen colonel col lieutenant lt major maj captain capt commander admiral marshal sergeant
  sgt corporal private officer inspector detective constable chief judge justice attorney prosecutor lawyer
  speaker leader premier chairman chairwoman chair director executive ceo cfo coo founder manager coach head
  professor prof doctor dean spokesman spokeswoman spokesperson ambassador envoy commissioner counsel adviser
  advisor aide candidate nominee senior acting former late opposition kremlin presidential
  official officials analyst analysts economist economists player striker goalkeeper actor actress
  singer rapper author writer journalist reporter photographer columnist editor producer director-general
  secretary-general managing vice-president mp mep deputy-governor governor-general treasurer exchequer oil economic
  planning economics staff agriculture commerce industry transport environment education mining petroleum`
    .split(/\s+/u)
    .filter((w) => w !== ""),
);

/** Last words that make a capitalised name an organisation ("Tower Commission", "Quebecor Inc"). */
export const ORG_SUFFIXES: ReadonlySet<string> = new Set(
  `inc incorporated corp corporation co company companies ltd limited plc llc lp ag sa nv bv gmbh spa group
  holdings bank bancorp trust fund funds partners associates airlines airways motors industries enterprises
  agency authority administration commission committee council congress parliament assembly senate ministry
  department bureau office service services board court tribunal police army navy force forces guard
  party front movement alliance union league federation confederation association society institute institution
  foundation organisation organization university college school academy hospital church mosque museum
  network networks channel times post news journal herald tribune press broadcasting television radio
  club team fc exchange reserve treasury secretariat coalition`
    .split(/\s+/u)
    .filter((w) => w !== ""),
);

/** Last words that make a capitalised name a place (a building, a site): "Kennedy Space Center". */
export const PLACE_SUFFIXES: ReadonlySet<string> = new Set(
  `center centre hall stadium arena airport station bridge square park palace cathedral temple tower towers
  island islands mountain mountains river lake valley beach street avenue road bay harbour harbor port province
  county district region state hotel`
    .split(/\s+/u)
    .filter((w) => w !== ""),
);

/** Last words that make a capitalised name an event or a subject: "Korean War", "Fan Expo". */
export const EVENT_SUFFIXES: ReadonlySet<string> = new Set(
  `war wars conference convention summit games cup championship championships olympics festival expo fair
  election elections referendum treaty accord agreement act bill pandemic crisis scandal award awards prize`
    .split(/\s+/u)
    .filter((w) => w !== ""),
);

/** First words that make "<word> of <name>" an organisation ("Bank of Japan", "University of Toronto"). */
export const ORG_HEADS: ReadonlySet<string> = new Set(
  `bank university ministry department church institute council court federation association society league
  union commission committee office bureau board house academy museum college school party order`
    .split(/\s+/u)
    .filter((w) => w !== ""),
);

/** Lowercase words allowed inside a capitalised name ("Bank of Japan", "Osama bin Laden"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(
  ["of", "de", "del", "della", "da", "dos", "das", "du", "la", "le", "van", "von", "der", "den", "bin", "al", "el", "y"],
);

/** Verbs of speech after a name: "Peskov said" marks a person or an organisation speaking. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  ["said", "says", "told", "added", "stressed", "noted", "announced", "stated", "explained", "argued", "insisted", "warned", "wrote", "tweeted"],
);
