import { CHOICES, MENU, SAFETY_CHOICES } from './strings.ts';

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
  | 'somethingElse'
  | 'thanks'
  | 'goodbye'
  | 'declined'
  | 'affirmed'
  | 'readMore'
  | 'iAmAdviser'
  | 'danger'
  | 'notInDanger'
  | 'cancelRecord'
  | 'staleChoice'
  | 'whoReads';

const folded = (s: string): string => fold(s).replace(/[.+-]+$/, '');

// Whole-message commands and the titles of the bot's own buttons: these must not fire on a
// question that merely contains the words.
const EXACT: Record<string, ControlIntent> = {
  help: 'help',
  hulp: 'help',
  menu: 'help',
  stop: 'cancel',
  stoppen: 'cancel',
  annuleer: 'cancel',
  annuleren: 'cancel',
  'laat maar': 'cancel',
  'laat maar zitten': 'cancel',
  cancel: 'cancel',
  opnieuw: 'restart',
  'opnieuw beginnen': 'restart',
  'begin opnieuw': 'restart',
  'start opnieuw': 'restart',
  privacy: 'privacy',
  cursus: 'course',
  nascholing: 'course',
  'vraag stellen': 'menuAsk',
  contact: 'counsellor',
  contactverzoek: 'contactRequest',
  terugbellen: 'contactRequest',
  terugbelverzoek: 'contactRequest',
  hoi: 'greeting',
  hallo: 'greeting',
  hey: 'greeting',
  hi: 'greeting',
  goedemorgen: 'greeting',
  goedemiddag: 'greeting',
  goedenavond: 'greeting',
  ja: 'affirmed',
  jawel: 'affirmed',
  oke: 'affirmed',
  ok: 'affirmed',
  nee: 'declined',
  neen: 'declined',
  'nee hoor': 'declined',
  'nee dank u': 'declined',
  'nee dank je': 'declined',
  'nee bedankt': 'declined',
  'niet nodig': 'declined',
  'hoeft niet': 'declined',
  'liever niet': 'declined',
  [folded(MENU.ask)]: 'menuAsk',
  [folded(MENU.course)]: 'course',
  'cursus social media': 'course',
  [folded(MENU.counsellor)]: 'counsellor',
  [folded(MENU.privacy)]: 'privacy',
  [folded(CHOICES.register)]: 'register',
  [folded(CHOICES.contactRequest)]: 'contactRequest',
  [folded(CHOICES.somethingElse)]: 'somethingElse',
  [folded(CHOICES.noThanks)]: 'declined',
  [folded(CHOICES.yesPlease)]: 'affirmed',
  [folded(CHOICES.readMore)]: 'readMore',
  [folded(CHOICES.iAmAdviser)]: 'iAmAdviser',
  [folded(CHOICES.courseAll)]: 'course',
  [folded(SAFETY_CHOICES.danger)]: 'danger',
  [folded(SAFETY_CHOICES.safe)]: 'notInDanger',
};

/** Buttons that answer one question (of a form, or "Heeft dit geholpen?"): tapped (or typed)
 *  once that question is over. */
const ANSWERED_CHOICES = new Set(
  [
    CHOICES.anonymous,
    CHOICES.withName,
    CHOICES.phone,
    CHOICES.email,
    CHOICES.both,
    CHOICES.trainingDone,
    CHOICES.trainingOther,
    CHOICES.trainingNo,
    CHOICES.skip,
    CHOICES.anyMoment,
    CHOICES.forgetConfirm,
    CHOICES.change,
    CHOICES.yesSend,
    CHOICES.noStore,
    CHOICES.helped,
    CHOICES.notHelped,
  ].map(folded),
);

// Anchored at the start, so the button "Ja, vergeet mij" answers the question instead of
// asking it again.
const FORGET =
  /^(vergeet (mij|me|mijn gegevens)|verwijder (al )?mijn gegevens|wis mijn gegevens)\b/;
const WHAT_STORED = /\b(wat (bewaar|bewaart|sla|slaat) (je|jij|u)|welke gegevens (bewaar|sla))/;
/** Who can read this chat: the answer is the privacy text, not a topic. */
const CHAT_PRIVACY = [
  /\b(ziet|zien|leest|lezen|weet|weten|kan|kunnen)\b.*\b(werkgever|baas|leidinggevende|manager|organisatie|hr|collega\w*|bedrijf)\b.*\b(hier|deze chat|dit gesprek|wat ik (hier )?(typ|schrijf|vertel))\b/,
  /\b(is|blijft|wordt) (deze chat|dit gesprek|wat ik hier (typ|schrijf|vertel))\b.*\b(anoniem|prive|veilig|vertrouwelijk|opgeslagen|bewaard|gelezen|meegelezen)\b/,
  /\b(wie|wat) (ziet|leest|bewaart) (wat ik hier|deze chat|dit gesprek)\b/,
];
const REGISTER_VERB =
  /\b(aanmelden|aanmelding|meld (me|mij|ik) (me |mij )?aan|inschrijven|inschrijving|schrijf (me|mij|ik) (me |mij )?in|opgeven|geef (me|mij) op)\b/;
const COURSE_NOUN = /\b(cursus|nascholing|training|opleiding|scholing|cursusdag)\b/;
/** "hoe kan ik me afmelden", "aanmelding intrekken": about a record already sent. */
const WITHDRAW =
  /\b(afmelden|meld (me|mij|ik) (me |mij )?af|intrekken|annuleren|annuleer|terugtrekken)\b.*\b(aanmelding|inschrijving|cursus|nascholing|training|contactverzoek|verzoek)\b|\b(aanmelding|inschrijving|contactverzoek|verzoek)\b.*\b(intrekken|annuleren|terugtrekken|afzeggen)\b/;

/** A request to be contacted: a call back, a contact request, "neem contact met me op". */
const CONTACT_REQUEST = [
  /\bcontactverzoek\b/,
  /\bterugbel(len|verzoek)\b/,
  /\bteruggebeld\b/,
  /\bbel (me|mij) (terug|op|aub|alstublieft|alsjeblieft|graag)\b/,
  /\b(kan|kunt|kunnen|wil|wilt|willen) (iemand|u|jullie|een vertrouwenspersoon|er iemand)( van jullie| van het bureau)? (mij|me) (terug)?(bellen|opbellen|mailen)\b/,
  /\b(iemand|vertrouwenspersoon)\b.*\b(contact met (mij|me) op(nemen)?|contact (met mij|met me) (opnemen|zoeken))\b/,
  /\bneem(t|en)? (iemand |u |jullie )?(alstublieft |aub |graag )?contact met (mij|me) op\b/,
  /\b(wil|wilt|zou) graag (dat )?(iemand|een vertrouwenspersoon) (mij|me) (belt|opbelt|terugbelt|mailt)\b/,
  /\bgebeld (worden|te worden)\b/,
];

const THANKS =
  /^(heel |hartelijk |super |erg |nou |oke |ok |top |fijn |prima |mooi )*(dank( u| je)?( wel)?|dankjewel|dankuwel|dank u zeer|bedankt|bedankt voor( de| het| uw| je)? (hulp|info|informatie|antwoord|uitleg)|thanks|thank you|thx|merci)( hoor| voor( de| het| uw| je)? (hulp|info|informatie|antwoord|uitleg|reactie))?( ik weet genoeg| dat helpt| dat is duidelijk)?$/;
const GOODBYE =
  /^(doei|dag|daag|dag hoor|tot ziens|tot later|tot de volgende keer|fijne dag|fijne avond|fijn weekend|ik ga|ik ga stoppen|ik ben klaar|ik ben er klaar mee|dat was het|dat was alles|bye|doeg|groetjes|ciao|houdoe)( (nog|verder|hoor|allemaal|en bedankt|en dank( u| je)?( wel)?|bedankt))*$/;
const ADVISER_SELF = /^(ik ben (een |de )?(interne |externe )?(vertrouwenspersoon|vp))$/;

/** The person says (in a question) they are a confidential adviser. */
export function saysAdviser(text: string): boolean {
  const f = fold(text);
  return (
    /\b(ik ben|als) (een |de |interne |externe |onze )*(vertrouwenspersoon|vp)\b/.test(f) ||
    /\bik werk als (interne |externe )?vertrouwenspersoon\b/.test(f)
  );
}

/** The whole message is a command or a button's title (not a request found in a sentence). */
export function isExactCommand(text: string): boolean {
  return (
    EXACT[
      fold(text)
        .replace(/[.+-]+$/, '')
        .trim()
    ] !== undefined
  );
}

export function controlIntent(text: string): ControlIntent | undefined {
  const f = fold(text);
  const plain = f.replace(/[.+-]+$/, '').trim();
  const exact = EXACT[plain];
  if (exact) return exact;
  if (ANSWERED_CHOICES.has(plain)) return 'staleChoice';
  if (FORGET.test(f)) return 'forget';
  if (WHAT_STORED.test(f)) return 'privacy';
  if (CHAT_PRIVACY.some((pattern) => pattern.test(f))) return 'whoReads';
  if (WITHDRAW.test(f)) return 'cancelRecord';
  if (REGISTER_VERB.test(f) && (COURSE_NOUN.test(f) || f.split(' ').length <= 4)) {
    return 'register';
  }
  if (CONTACT_REQUEST.some((pattern) => pattern.test(f))) return 'contactRequest';
  if (THANKS.test(plain)) return 'thanks';
  if (GOODBYE.test(plain)) return 'goodbye';
  if (ADVISER_SELF.test(plain)) return 'iAmAdviser';
  return undefined;
}

export function isYes(text: string): boolean {
  return /^(ja|ja graag|jawel|yes|ok|oke|prima|goed|klopt|zeker|graag)\b/.test(fold(text));
}

export function isNo(text: string): boolean {
  return /^(nee|neen|no|niet|nee dank u|nee dank je|liever niet)\b/.test(fold(text));
}
