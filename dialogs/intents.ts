import { CHOICES, MENU } from './strings.ts';

/** Lower case, no accents, punctuation to spaces: the same folding the knowledge engine uses,
 *  so "Privacy?" and "privacy" mean the same command. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.+-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type ControlIntent =
  | 'help'
  | 'cancel'
  | 'restart'
  | 'privacy'
  | 'forget'
  | 'menuAsk'
  | 'course'
  | 'register'
  | 'counsellor'
  | 'contactRequest'
  | 'greeting'
  | 'somethingElse';

const folded = (s: string): string => fold(s);

// Whole-message commands: these must not fire on a question that merely contains the word.
const EXACT: Record<string, ControlIntent> = {
  help: 'help',
  hulp: 'help',
  menu: 'help',
  stop: 'cancel',
  stoppen: 'cancel',
  annuleer: 'cancel',
  annuleren: 'cancel',
  'laat maar': 'cancel',
  cancel: 'cancel',
  opnieuw: 'restart',
  'opnieuw beginnen': 'restart',
  'begin opnieuw': 'restart',
  'start opnieuw': 'restart',
  privacy: 'privacy',
  cursus: 'course',
  'vraag stellen': 'menuAsk',
  contact: 'counsellor',
  hoi: 'greeting',
  hallo: 'greeting',
  hey: 'greeting',
  hi: 'greeting',
  goedemorgen: 'greeting',
  goedemiddag: 'greeting',
  goedenavond: 'greeting',
  [folded(MENU.ask)]: 'menuAsk',
  [folded(MENU.course)]: 'course',
  [folded(MENU.counsellor)]: 'counsellor',
  [folded(MENU.privacy)]: 'privacy',
  [folded(CHOICES.register)]: 'register',
  [folded(CHOICES.contactRequest)]: 'contactRequest',
  [folded(CHOICES.somethingElse)]: 'somethingElse',
};

// Anchored at the start, so the button "Ja, vergeet mij" answers the question instead of
// asking it again.
const FORGET =
  /^(vergeet (mij|me|mijn gegevens)|verwijder (al )?mijn gegevens|wis mijn gegevens)\b/;
const WHAT_STORED = /\b(wat (bewaar|bewaart|sla|slaat) (je|jij|u)|welke gegevens (bewaar|sla))/;
const REGISTER_VERB =
  /\b(aanmelden|aanmelding|meld (me|mij|ik) aan|inschrijven|inschrijving|schrijf (me|mij|ik) in|opgeven|geef (me|mij) op)\b/;
const COURSE_NOUN = /\b(cursus|nascholing|training|opleiding|scholing)\b/;

export function controlIntent(text: string): ControlIntent | undefined {
  const f = fold(text);
  const exact = EXACT[f];
  if (exact) return exact;
  if (FORGET.test(f)) return 'forget';
  if (WHAT_STORED.test(f)) return 'privacy';
  if (REGISTER_VERB.test(f) && (COURSE_NOUN.test(f) || f.split(' ').length <= 4)) {
    return 'register';
  }
  return undefined;
}

export function isYes(text: string): boolean {
  return /^(ja|ja graag|jawel|yes|ok|oke|prima|goed|klopt|zeker|graag)\b/.test(fold(text));
}

export function isNo(text: string): boolean {
  return /^(nee|neen|no|niet|nee dank u|nee dank je|liever niet)\b/.test(fold(text));
}
