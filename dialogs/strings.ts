// All user-facing text in one place, in the bureau's calm "u"-form.

export const MENU = {
  ask: 'Een vraag stellen',
  course: 'Cursus social media',
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
export const FALLBACK_TWICE =
  'Het lukt me niet goed om uw vraag te beantwoorden, en dat spijt me. Een vertrouwenspersoon ' +
  'denkt graag met u mee. U kunt ook meer lezen over onze cursus.';
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

export const COURSE_INTRO = 'Dit is onze cursus:';
export const COURSE_ON_REQUEST = 'op aanvraag';
export const COURSE_LABELS = {
  targetGroup: 'Voor wie',
  programme: 'Programma',
  homework: 'Huiswerkopdracht',
  dates: 'Data',
  location: 'Locatie',
  price: 'Prijs',
  registration: 'Aanmelden',
} as const;

export const CONTACT_HOURS = 'Bereikbaar';
export const CONTACT_OFFER =
  'Wilt u dat een vertrouwenspersoon contact met u opneemt? Dan stel ik u een paar vragen.';

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
  email: 'Op welk e-mailadres kunnen wij u de bevestiging sturen?',
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
  done: (ref: string) =>
    `Dank u wel. Uw aanmelding is ontvangen onder nummer **${ref}**. Het bureau neemt contact met ` +
    'u op over de data en de verdere afspraken. Bewaar dit nummer als u iets wilt navragen.',
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
  consent: (days: number, mailed: boolean) =>
    'Mogen wij deze gegevens bewaren om contact met u op te nemen? Alleen de vertrouwenspersonen ' +
    `van het bureau zien ze, en wij bewaren ze uiterlijk ${days} dagen.` +
    (mailed ? ' Het bureau krijgt uw verzoek ook per e-mail.' : ''),
  noConsent:
    'Dan bewaar ik niets. U kunt het bureau ook zelf bellen of mailen; de gegevens staan hierboven.',
  /** `alerted`: the bureau is told of the request at once (e-mail or Teams); without that
   *  the bot promises no speed it cannot keep. */
  done: (ref: string, alerted: boolean) =>
    `Dank u wel. Uw verzoek is ontvangen onder nummer **${ref}**. ` +
    (alerted
      ? 'Een vertrouwenspersoon neemt zo snel mogelijk contact met u op, op het moment dat u ' +
        'aangaf. Wat u vertelt, blijft vertrouwelijk.'
      : 'Een vertrouwenspersoon neemt contact met u op zodra het bureau uw verzoek heeft ' +
        'gezien, op het moment dat u aangaf. Dat is niet altijd dezelfde dag. Wat u vertelt, ' +
        'blijft vertrouwelijk. Heeft u sneller iemand nodig? Typ dan **contact** voor de ' +
        'gegevens van het bureau. In acuut gevaar? Bel 112.'),
} as const;

export const FORGET = {
  confirm:
    'Weet u zeker dat ik alles wil wissen wat via dit account over u is opgeslagen? Dat zijn: dit ' +
    'gesprek, uw gebruikersgegevens, en uw aanmeldingen en contactverzoeken.',
  kept: 'Goed, ik heb niets gewist.',
  done: (registrations: number, contacts: number) =>
    'Ik heb gewist wat via dit account over u was opgeslagen: de gegevens van dit gesprek, uw ' +
    `gebruikersgegevens, ${registrations} cursusaanmelding(en) en ${contacts} contactverzoek(en). ` +
    'Uw antwoorden op "Heeft dit geholpen?" zijn alleen als anonieme telling bewaard en niet aan ' +
    'u gekoppeld. Op de website begint elke sessie anoniem opnieuw: iets uit een eerdere sessie ' +
    'kan ik niet vinden. Heeft het bureau uw aanmelding of verzoek al per e-mail gekregen? Vraag ' +
    'het bureau dan om die te wissen en noem uw nummer.',
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
    '- Is e-mail aan het bureau ingesteld, dan krijgt het bureau uw aanmelding of verzoek ook per e-mail. Die e-mail wist het bureau op uw verzoek.',
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
