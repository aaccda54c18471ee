import { fold } from './intents.ts';

// Words of someone who is not in danger but is having a hard time: fear, exhaustion, not
// daring to go to work, sadness. Danger itself is the safety check's job (knowledge/crisis.yaml)
// and always comes first; these only decide that a message without a fitting entry gets a kind
// word and a human instead of "Daar kan ik u geen goed antwoord op geven".

const PATTERNS: readonly RegExp[] = [
  // fear
  /\b(bang|angstig|angst|doodsbang|schrik|paniek|paniekaanval\w*|eng vind|zo eng|nachtmerrie\w*)\b/,
  /\bdurf (het |ik )?(niet|nooit)\b|\bdurf ik (niet|nooit)\b|\bik durf\b.*\bniet\b/,
  /\b(zie|zag) (er )?(zo |heel |erg )?(tegenop|tegen op)\b|\bzie op tegen\b/,
  // not going to work
  /\b(wil|kan|durf) (echt |gewoon )?(niet|nooit) meer naar (mijn |het |m'n |mn )?(werk|kantoor|school|stage)\b/,
  /\b(ga|ging) (met lood in mijn schoenen|met tegenzin) naar\b/,
  // exhaustion and stress
  /\b(moe|doodmoe|uitgeput|opgebrand|overspannen|overwerkt|gesloopt|uitgeblust)\b/,
  /\b(ik ben|voel me|voel ik me|ben zo|ben zo ontzettend|ben helemaal) (?:(?:zo|heel|erg|echt|helemaal|totaal|ontzettend|zwaar|best) ){0,2}(moe|uitgeput|kapot|op|leeg|opgebrand|overspannen|gestrest|gespannen|onrustig|verdrietig|ongelukkig|somber|wanhopig|eenzaam|machteloos|ellendig|rot|klote|kut|beroerd|belabberd|down|depri|waardeloos|ziek van)\b/,
  /\bmaakt (me|mij) (helemaal |echt |zo )?(kapot|gek|ziek|moe|bang|verdrietig|ongelukkig)\b/,
  /\b(burn ?out|burnout|overspannenheid|stress|gestrest|spanning\w*)\b/,
  /\b(slaap|sliep) (niet|slecht|nauwelijks)\b|\blig (wakker|te piekeren)\b|\bpieker\w*\b/,
  /\b(huil|huilen|huilde|in tranen|janken)\b/,
  /\b(zit|zat) (er )?(helemaal |echt |totaal )?doorheen\b|\bzit (helemaal )?stuk\b/,
  /\b(het )?gaat (niet|helemaal niet|echt niet) (goed|lekker) met (me|mij)\b/,
  /\bik (weet|wist) (het )?(echt |gewoon )?niet meer (wat ik moet doen|hoe het verder moet)\b/,
  /\b(ben|word) (er )?(zo |helemaal )?(ziek|gek) van\b/,
  /\b(voel|voelde) (me|mij) (?:(?:zo|heel|erg|echt|helemaal|totaal|ontzettend) ){0,2}(alleen|onveilig|klein|vernederd|gekleineerd|buitengesloten|niet gezien|niet gehoord)\b/,
];

/** The message tells of fear, exhaustion or sadness. */
export function showsDistress(text: string): boolean {
  const f = fold(text);
  return PATTERNS.some((pattern) => pattern.test(f));
}
