// All user-facing text in one place, in the bureau's calm "u"-form.

export const MENU = {
  ask: 'Een vraag stellen',
  course: 'Cursus voor vertrouwenspersonen',
  counsellor: 'Contact met een vertrouwenspersoon',
  privacy: 'Privacy',
} as const;

export const CHOICES = {
  yes: 'Ja',
  no: 'Nee',
  somethingElse: 'Iets anders',
  register: 'Aanmelden voor de cursus',
  contactRequest: 'Contactverzoek doen',
  noThanks: 'Nee, dank u',
  yesPlease: 'Ja, graag',
  anonymous: 'Anoniem',
  withName: 'Met mijn naam',
  phone: 'Telefoon',
  email: 'E-mail',
  both: 'Allebei',
  trainingDone: 'Ja, afgerond',
  trainingOther: 'Kennis op andere wijze',
  trainingNo: 'Nee, nog niet',
  skip: 'Overslaan',
  anyMoment: 'Maakt niet uit',
  forgetConfirm: 'Ja, vergeet mij',
  readMore: 'Lees meer',
  iAmAdviser: 'Ik ben vertrouwenspersoon',
  // The answers to "Heeft dit geholpen?" say what they answer: on a phone the question can
  // scroll out of view above the buttons, and a bare "Ja" or "Nee" then means nothing.
  helped: 'Ja, dit hielp',
  notHelped: 'Nee, dit hielp niet',
  courseAll: 'Alles over de cursus',
  change: 'Iets aanpassen',
  yesSend: 'Ja, versturen',
  noStore: 'Nee, niet bewaren',
} as const;

export const GREETING =
  'Welkom bij Bureau De Vertrouwenspersoon.\n\n' +
  'Ik ben een chatbot: een automatische assistent, geen vertrouwenspersoon. ' +
  'Ik geef algemene informatie over digitaal (wan)gedrag op het werk, over onze cursus ' +
  '"De vertrouwenspersoon en social media" en over hoe u een vertrouwenspersoon spreekt. ' +
  'Wilt u liever met een mens praten? Dat kan altijd.\n\n' +
  'Hoe kan ik u helpen?';

export const SHORT_GREETING = 'Hoe kan ik u helpen?';

export const HELP =
  'Ik beantwoord vragen over digitaal (wan)gedrag op het werk, zoals pesten in een groepsapp, ' +
  'ongewenste berichten, een verkeerd begrepen e-mail of bereikbaarheid na werktijd. Stel uw ' +
  'vraag gewoon in uw eigen woorden.\n\n' +
  'U kunt ook altijd typen:\n' +
  '- **cursus**: over de cursus "De vertrouwenspersoon en social media"\n' +
  '- **contact**: een vertrouwenspersoon spreken\n' +
  '- **stop**: stoppen met waar u mee bezig bent\n' +
  '- **opnieuw**: het gesprek opnieuw beginnen\n' +
  '- **privacy**: wat ik bewaar\n' +
  '- **vergeet mij**: alles wissen wat over u is opgeslagen';

export const ASK_PROMPT = 'Stelt u uw vraag maar, in uw eigen woorden.';

export const FEEDBACK_QUESTION = 'Heeft dit geholpen?';
export const FEEDBACK_THANKS_YES = 'Fijn om te horen. Dank u voor uw reactie.';
export const FEEDBACK_THANKS_NO =
  'Dank u voor uw reactie. Een vertrouwenspersoon kan met u meedenken over uw eigen situatie.';

export const DID_YOU_MEAN =
  'Ik weet niet zeker wat u bedoelt. Bedoelde u een van deze onderwerpen?';
export const FALLBACK =
  'Daar kan ik u helaas geen goed antwoord op geven. Ik weet alleen iets over digitaal ' +
  '(wan)gedrag op het werk, onze cursus en contact met een vertrouwenspersoon. Wilt u uw ' +
  'vraag anders formuleren?';
/** A fallback that has topics near the question: they are offered as choices. */
export const FALLBACK_CLOSEST =
  'Daar heb ik geen goed antwoord op. Gaat uw vraag misschien over een van deze onderwerpen? ' +
  'U kunt uw vraag ook anders formuleren.';
export const FALLBACK_TWICE =
  'Het lukt me niet goed om uw vraag te beantwoorden, en dat spijt me. Een vertrouwenspersoon ' +
  'denkt graag met u mee.';
/** Outside the bureau's field, when no referral in verwijzingen.yaml fits. */
export const NOT_OUR_FIELD =
  'Daar gaat deze assistent niet over. Ik weet alleen iets over digitaal (wan)gedrag op het ' +
  'werk, onze cursus voor vertrouwenspersonen en contact met een vertrouwenspersoon. Met andere ' +
  'vragen over uw werk kunt u het beste terecht bij uw leidinggevende of de afdeling HR van uw ' +
  'organisatie.';
/** Fear, exhaustion or not daring to go to work, with no entry that fits: a kind word, a
 *  human, and room to say more. */
export const DISTRESS =
  'Wat naar dat u zich zo voelt. Goed dat u het hier opschrijft.\n\n' +
  'U hoeft dit niet alleen te dragen. Een vertrouwenspersoon luistert naar uw verhaal en denkt ' +
  'met u mee, in vertrouwen. Wilt u dat een vertrouwenspersoon contact met u opneemt?\n\n' +
  'U kunt mij ook meer vertellen over wat er op uw werk gebeurt.';
export const DISTRESS_DECLINED =
  'Goed. Vertel gerust meer als u wilt. Wilt u later toch iemand spreken? Typ dan **contact**.';

// Replies to ordinary words and to the bot's own buttons: never a miss.
export const THANKS = 'Graag gedaan. Kan ik u nog ergens anders mee helpen? Stel uw vraag gerust.';
export const GOODBYE =
  'Dank u voor het gesprek. U kunt hier altijd terugkomen. Zit u op een computer die ' +
  'anderen ook gebruiken? Typ dan eerst **vergeet mij**: dan wis ik wat u hier deelde.';
export const DECLINED = 'Goed. Waar kan ik u verder mee helpen? Stel uw vraag gerust.';
export const SOMETHING_ELSE =
  'Waar gaat uw vraag over? Beschrijf het gerust in uw eigen woorden, bijvoorbeeld wat er ' +
  'gebeurde en via welke app of welk kanaal.';
export const STALE_CHOICE =
  'Die keuze hoort bij een vraag die niet meer openstaat. Waarmee kan ik u helpen?';
/** "Ziet mijn werkgever wat ik hier typ?", per channel. */
export const WHO_READS = {
  web:
    'Nee. Op de website bent u anoniem: ik weet niet wie u bent, en uw werkgever kan deze chat ' +
    'niet zien. Het bureau krijgt uw gegevens alleen als u zelf een contactverzoek of aanmelding ' +
    'doet. Typ **privacy** om precies te lezen wat ik bewaar.',
  teams:
    'Wat u hier typt, gaat naar deze chatbot van het bureau, niet naar uw leidinggevende. Maar ' +
    'Microsoft Teams bewaart de chat ook zelf, volgens de regels van uw organisatie, en ' +
    'beheerders van uw organisatie kunnen daar soms bij. Wilt u dat niet? Bel of mail het bureau ' +
    'dan rechtstreeks: typ **contact**. Typ **privacy** om precies te lezen wat ik bewaar.',
} as const;
export const NOT_IN_DANGER = 'Fijn dat er geen gevaar is. Waarmee kan ik u helpen?';
export const NOTHING_MORE =
  'Er is nu geen langer antwoord om verder te lezen. Stel gerust uw vraag.';
export const ADVISER_HEADING = '**Voor vertrouwenspersonen**';
export const ADVISER_NOTED =
  'Dank u. Dan houd ik er in dit gesprek rekening mee dat u vertrouwenspersoon bent. Voor ' +
  'vertrouwenspersonen hebben wij ook een nascholing over social media.';
export const CANCEL_RECORD =
  'Wilt u een aanmelding of contactverzoek intrekken dat u al verstuurde? Typ dan **vergeet ' +
  'mij**: dan wis ik wat via dit gesprek over u is opgeslagen. Heeft het bureau het al per ' +
  'e-mail gekregen? Noem dan uw nummer in een contactverzoek of mail aan het bureau.';
export const NOT_TEXT = 'Ik kan alleen tekst lezen. Wilt u uw vraag typen?';
export const TOO_LONG =
  'Uw bericht is erg lang. Ik heb alleen het begin gelezen. Wilt u uw vraag korter stellen?';

// Safety first: the crisis reply and the check question themselves are in crisis.yaml, so the
// bureau keeps the emergency numbers in one place.
export const CRISIS_OFFER =
  'Wilt u dat een vertrouwenspersoon van ons bureau contact met u opneemt? Dan stel ik u een paar vragen.';
export const CRISIS_DECLINED =
  'Goed. De nummers hierboven zijn dag en nacht bereikbaar. U kunt hier altijd terugkomen, ook ' +
  'om alsnog contact met een vertrouwenspersoon te vragen.';
export const SAFETY_CHOICES = {
  danger: 'Ja, er is gevaar',
  safe: 'Nee, er is geen gevaar',
} as const;
export const SAFETY_THANKS = 'Dank u voor uw antwoord. Dan ga ik verder met uw vraag.';
/** After the crisis information inside a form: the form goes on, nothing is lost. */
export const FORM_CONTINUES = (form: string): string =>
  `Ik ga verder met uw ${form}, zodat er niets verloren gaat. Wilt u liever stoppen? Typ dan "stop".`;
export const FORM_NAMES = {
  contactRequest: 'contactverzoek',
  registration: 'aanmelding voor de cursus',
  forget: 'verzoek om uw gegevens te wissen',
} as const;

export const CANCELLED = 'Goed, ik ben gestopt. Wat u tot nu toe invulde, is niet bewaard.';
export const NOTHING_TO_CANCEL = 'Er loopt op dit moment niets om te stoppen.';
export const RESTARTED = 'Het gesprek is opnieuw begonnen.';

export const COURSE_INTRO = 'Dit is onze cursus voor vertrouwenspersonen:';
export const COURSE_LABELS = {
  targetGroup: 'Voor wie',
  programme: 'Programma',
  homework: 'Huiswerkopdracht',
  dates: 'Data',
  location: 'Locatie',
  price: 'Prijs',
  registration: 'Aanmelden',
  practical: 'Praktisch',
} as const;
/** What the course card says for the fields the bureau has not filled in, once, in a sentence
 *  (`fields` in lower case, e.g. ["de data", "de prijs"]). */
export function courseOnRequest(fields: string[]): string {
  const list =
    fields.length <= 1
      ? (fields[0] ?? '')
      : `${fields.slice(0, -1).join(', ')} en ${fields[fields.length - 1] ?? ''}`;
  const text = `${list.charAt(0).toUpperCase()}${list.slice(1)}`;
  return `${text} krijgt u op aanvraag van het bureau.`;
}
/** One fact of the course, answered on its own ("Wat kost de cursus?"). */
export const COURSE_FACT = {
  price: (value: string) => `De cursus kost ${value}.`,
  dates: (value: string) => `De cursus wordt gegeven op ${value}.`,
  location: (value: string) => `De cursus vindt plaats in ${value}.`,
  registration: (value: string) => `Aanmelden: ${value}`,
} as const;
export const COURSE_FACT_UNKNOWN = {
  price:
    'De prijs van de cursus staat nog niet in deze chat. U krijgt hem op aanvraag van het bureau.',
  dates:
    'De data van de cursus staan nog niet in deze chat. U krijgt ze op aanvraag van het bureau.',
  location:
    'De plaats van de cursus staat nog niet in deze chat. U krijgt die op aanvraag van het bureau.',
  registration: 'U kunt zich hier in de chat aanmelden. Het bureau neemt daarna contact met u op.',
} as const;
export const COURSE_TARGET_GROUP = (text: string) => `**Voor wie is de cursus?** ${text}`;
export const COURSE_PROGRAMME = (lines: string[]) =>
  `**Het programma van de cursus**\n\n${lines.join('\n')}`;
export const COURSE_HOMEWORK = (text: string) => `**Huiswerk vooraf:** ${text}`;
/** Said after a course fact when someone asks as a possible adviser: the full card is a tap. */
export const COURSE_MORE = 'Wilt u alles over de cursus zien, of u aanmelden?';

export const CONTACT_HOURS = 'Bereikbaar';
export const CONTACT_OFFER =
  'Wilt u dat een vertrouwenspersoon contact met u opneemt? Dan stel ik u een paar vragen.';
/** contacts.yaml has no phone number or e-mail address filled in yet. */
export const CONTACT_NOT_FILLED =
  'Een telefoonnummer of e-mailadres van het bureau kan ik u hier nog niet geven. Wel kunt u ' +
  'hier een contactverzoek doen: dan neemt een vertrouwenspersoon contact met u op.';
export const CONTACT_RESPONSE = (time: string) => `Het bureau reageert ${time}.`;

// Forms: course registration and contact request.

export const RETRY = {
  text: 'Wilt u dit nog eens invullen? Een kort antwoord is genoeg.',
  email:
    'Dat lijkt geen geldig e-mailadres. Wilt u het nog eens proberen? Bijvoorbeeld: naam@voorbeeld.nl',
  phone:
    'Dat lijkt geen geldig telefoonnummer. Wilt u het nog eens proberen? Bijvoorbeeld: 06 12345678',
  choice: 'Dat begreep ik niet helemaal. Kiest u een van deze mogelijkheden?',
} as const;

export const FORM_CANCEL_HINT = 'U kunt altijd stoppen door "stop" te typen.';

export const REGISTRATION = {
  name: `Fijn dat u zich wilt aanmelden voor de cursus. Wat is uw naam? ${FORM_CANCEL_HINT}`,
  nameTeams: (name: string) =>
    `Fijn dat u zich wilt aanmelden voor de cursus. Wat is uw naam? U kunt ook de naam uit Teams kiezen: ${name}. ${FORM_CANCEL_HINT}`,
  /** `confirms`: a confirmation is mailed to the person (mail is configured). */
  email: (confirms: boolean) =>
    confirms
      ? 'Op welk e-mailadres kunnen wij u de bevestiging sturen?'
      : 'Op welk e-mailadres kan het bureau u bereiken over de cursus?',
  organisation: 'Voor welke organisatie bent u vertrouwenspersoon?',
  training:
    'Heeft u de basisopleiding tot vertrouwenspersoon afgerond? De cursus bouwt daarop voort.',
  consent: (days: number) =>
    'Mogen wij deze gegevens bewaren om uw aanmelding te verwerken? Wij bewaren ze niet langer ' +
    `dan nodig en uiterlijk ${days} dagen, en gebruiken ze alleen voor deze cursus.`,
  noConsent:
    'Zonder uw toestemming kan ik u niet aanmelden. Er is niets bewaard. U kunt het bureau ook ' +
    'rechtstreeks benaderen.',
  summary: (lines: string[]) => `Klopt dit?\n\n${lines.join('\n')}`,
  notConfirmed:
    'Uw aanmelding is niet verstuurd en er is niets bewaard. Typ "aanmelden" om opnieuw te beginnen.',
  done: (ref: string, confirms: boolean) =>
    `Dank u wel. Uw aanmelding is ontvangen onder nummer **${ref}**. ` +
    (confirms ? 'U krijgt een bevestiging per e-mail. ' : '') +
    'Het bureau neemt contact met u op over de data en de verdere afspraken. Bewaar dit nummer ' +
    'als u iets wilt navragen.',
} as const;

export const FIELD_LABELS = {
  name: 'Naam',
  email: 'E-mail',
  organisation: 'Organisatie',
  training: 'Basisopleiding',
  phone: 'Telefoon',
  moments: 'Bereikbaar',
  description: 'Korte omschrijving',
  anonymous: 'Anoniem',
} as const;

export const CONTACT = {
  anonymity:
    'Goed. Wilt u anoniem blijven of uw naam geven? Anoniem kan: dan vragen we alleen hoe we u ' +
    `kunnen bereiken. ${FORM_CANCEL_HINT}`,
  name: 'Wat is uw naam?',
  nameTeams: (name: string) => `Wat is uw naam? U kunt ook de naam uit Teams kiezen: ${name}.`,
  channel: 'Hoe kunnen wij u bereiken?',
  phone: 'Op welk telefoonnummer kunnen wij u bellen?',
  email: 'Op welk e-mailadres kunnen wij u mailen?',
  moments: 'Wanneer kunnen wij u het beste bereiken? Bijvoorbeeld: "dinsdagmiddag" of "na 17 uur".',
  description:
    'Wilt u in een paar zinnen zeggen waar het over gaat? Dat helpt de vertrouwenspersoon zich ' +
    'voor te bereiden. Noem liever geen namen van anderen. U mag dit ook overslaan.',
  /** The summary and the consent in one message: "Klopt dit?" with a way to correct. */
  consent: (lines: string[], days: number, mailed: boolean) =>
    `Klopt dit?\n\n${lines.join('\n')}\n\n` +
    'Mogen wij deze gegevens bewaren om contact met u op te nemen? Alleen de vertrouwenspersonen ' +
    `van het bureau zien ze, en wij bewaren ze uiterlijk ${days} dagen.` +
    (mailed ? ' Het bureau krijgt uw verzoek ook per e-mail.' : '') +
    ` Wilt u eerst iets veranderen? Kies dan "${CHOICES.change}".`,
  change: 'Wat wilt u aanpassen?',
  /** `reachable`: contacts.yaml has a phone number or e-mail address filled in. */
  noConsent: (reachable: boolean) =>
    reachable
      ? 'Dan bewaar ik niets. U kunt het bureau ook zelf bellen of mailen: typ **contact** voor ' +
        'de gegevens.'
      : 'Dan bewaar ik niets. Wilt u later toch dat iemand contact met u opneemt? Typ dan ' +
        '**contactverzoek**.',
  /** `alerted`: the bureau is told of the request at once (e-mail or Teams); without that
   *  the bot promises no speed it cannot keep. */
  /** `responseTime`: from contacts.yaml ("binnen twee werkdagen"), when the bureau filled it in. */
  done: (ref: string, alerted: boolean, responseTime?: string) =>
    `Dank u wel. Uw verzoek is ontvangen onder nummer **${ref}**. ` +
    (alerted
      ? 'Een vertrouwenspersoon neemt zo snel mogelijk contact met u op, op het moment dat u ' +
        'aangaf.'
      : 'Een vertrouwenspersoon neemt contact met u op zodra het bureau uw verzoek heeft ' +
        'gezien, op het moment dat u aangaf. Dat is niet altijd dezelfde dag.') +
    (responseTime ? ` ${CONTACT_RESPONSE(responseTime)}` : '') +
    ' Wat u vertelt, blijft vertrouwelijk.' +
    (alerted ? '' : ' In acuut gevaar? Bel 112.'),
} as const;

/** "geen contactverzoeken", "1 contactverzoek", "2 contactverzoeken". */
function count(n: number, one: string, many: string): string {
  if (n === 0) return `geen ${many}`;
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

export const FORGET = {
  /** `teams`: in Teams the person has an account; on the website only this chat. */
  confirm: (teams: boolean) =>
    `Weet u zeker dat ik alles wis wat ${teams ? 'via uw Teams-account' : 'in deze chat'} over ` +
    'u is opgeslagen? Dat zijn: dit gesprek, uw gebruikersgegevens, en uw aanmeldingen en ' +
    'contactverzoeken.',
  kept: 'Goed, ik heb niets gewist.',
  done: (registrations: number, contacts: number, teams: boolean) =>
    `Ik heb gewist wat ${teams ? 'via uw Teams-account' : 'in deze chat'} over u was ` +
    'opgeslagen: de gegevens van dit gesprek, uw ' +
    `gebruikersgegevens, ${count(registrations, 'cursusaanmelding', 'cursusaanmeldingen')} en ` +
    `${count(contacts, 'contactverzoek', 'contactverzoeken')}. ` +
    'Uw antwoorden op "Heeft dit geholpen?" zijn alleen als anonieme telling bewaard en niet aan ' +
    'u gekoppeld. Op de website begint elke sessie anoniem opnieuw: iets uit een eerdere sessie ' +
    'kan ik niet vinden. Heeft het bureau uw aanmelding of verzoek al per e-mail gekregen? Vraag ' +
    'het bureau dan om die te wissen en noem uw nummer.' +
    (teams ? '' : ' Deze chat begint zo opnieuw, zonder de berichten van hiervoor.'),
} as const;

/** `questionDays`: days a question without a good answer is kept for the editors, or
 *  undefined when no question text is kept at all. */
export function privacyText(
  conversationDays: number,
  recordDays: number,
  questionDays?: number,
): string {
  return [
    '**Wat ik bewaar**',
    `- Waar we in dit gesprek zijn, en wat u in een formulier invult tot het klaar is. Dit wordt na ${conversationDays} dagen automatisch gewist.`,
    `- Als u zich aanmeldt voor de cursus of om contact vraagt, en daar toestemming voor geeft: de gegevens die u dan invult. Alleen het bureau ziet die. Ze worden na uiterlijk ${recordDays} dagen gewist.`,
    '- Krijgt het bureau nieuwe aanmeldingen en verzoeken per e-mail, dan zit uw aanmelding of verzoek ook in die e-mail. Die e-mail wist het bureau als u daarom vraagt.',
    '- Uw antwoord op "Heeft dit geholpen?" en welk soort antwoord ik gaf: alleen als telling per dag, niet gekoppeld aan u.',
    ...(questionDays === undefined
      ? []
      : [
          `- Een vraag waarop ik geen goed antwoord had: zonder namen, telefoonnummers, e-mailadressen en andere nummers, en niet gekoppeld aan u of dit gesprek, zodat het bureau mijn antwoorden kan verbeteren. Na ${questionDays} dagen gewist.`,
        ]),
    '',
    questionDays === undefined
      ? '**Wat ik niet bewaar**: de tekst van uw vragen. Die wordt niet opgeslagen en niet in logbestanden gezet.'
      : '**Wat ik niet bewaar**: de tekst van uw andere vragen, en nooit een bericht over gevaar of zelfdoding. Vragen komen nooit in logbestanden.',
    '',
    '**Wie u bent**: in Microsoft Teams ziet de chatbot uw naam en account. Ik gebruik uw naam alleen als u daar zelf voor kiest. Microsoft Teams bewaart de chat ook zelf, volgens de regels van uw organisatie. Op de website bent u anoniem, tenzij u zelf gegevens geeft.',
    '',
    'Typ **vergeet mij** om alles te wissen wat over u is opgeslagen.',
  ].join('\n');
}

export function sendAgain(errorId: string): string {
  return (
    'Er kwamen twee berichten tegelijk binnen en dit bericht heb ik niet kunnen verwerken. Wilt ' +
    `u het nog een keer sturen? (foutcode ${errorId})`
  );
}

export function turnError(errorId: string): string {
  return (
    'Sorry, er ging aan mijn kant iets mis. Uw gesprek is opnieuw begonnen; u kunt uw vraag ' +
    'gewoon nog een keer stellen. Blijft het misgaan? Neem dan contact op met het bureau en ' +
    `noem de foutcode ${errorId}.`
  );
}

/** Shown when DATA_DIR (or the blob store) cannot be written. */
export function saveUnavailable(errorId: string): string {
  return (
    'Het spijt me: ik kan op dit moment niets opslaan. Vragen beantwoorden lukt wel, maar een ' +
    'aanmelding of contactverzoek kan ik nu niet bewaren; er is niets verstuurd. Probeer het ' +
    'later opnieuw, of neem zelf contact op met het bureau: typ **contact** voor de gegevens. ' +
    `Foutcode: ${errorId}.`
  );
}
