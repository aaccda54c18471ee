// Our own Dutch stopword list: natural's list misses common words and has a broken entry
// ('je ' with a space). Question words, modal and auxiliary verbs, pronouns, fillers and chat
// shorthand carry no topic; left in, they would count as unknown words and drag scores down.
// Words that carry intent in this domain (bellen, contact, anoniem, bewijs) are absent on
// purpose.
const WORDS = `
aan af al alle alleen alles als alsjeblieft alstublieft altijd ander andere anders aub
ben bent beste bij binnen da daar daarom dan dank dat de deze der dit die doe doen doet
door dus echt een eens eigenlijk elkaar en er erg ergens even ff ga gaan gaat ge geen
gewoon graag had hadden hallo heb hebben hebt heeft heel hem hen het hey hier hij hoe
hoeveel hoi hoor hun ie iemand iets ik in is ja je jij jou jouw k kan kon konden
kun kunnen kunt m maar mag me mee meer men met mij mijn mn moest moet moeten mogen mocht
n na naar nee nie niet niets nog nou nu of ok oke om omdat ons onze ook op over please s
svp t te tegen toch toen tot u uit uw van vanaf veel voor waar waarom wanneer wat we wel
weer welk welke werd wie wij wil wilde willen word wordt worden wrm wnr z zal zeg zegt zelf
zich zij zijn zit zitten zn zo zoals zonder zou zouden zulke zullen
a b c e f g h i j l o p q r v w x y
eraan erachter erin erop erover ervan gedaan gegaan gehad gekomen geweest geworden
help liefst nederland nederlands nergens nl nodig terug weet weten wist
haar hare hemzelf mezelf mijzelf onszelf want wanneer ze zei zeiden zichzelf jezelf
allemaal beetje best daarmee daarna daarover daarvoor dergelijke elk elke enzo erbij
eruit gisteren helemaal hierover iedere ieder keer nadat net nooit ofzo ongeveer
precies soms steeds telkens terwijl tijdens via voordat vaak zelfs zoiets zomaar zulk
`;

// How long something has gone on ("al weken", "sinds maanden") says how bad it is, not what
// it is about; left in, such a word scores for whichever entry happens to use it.
const DURATIONS = `
weken maanden jaren tijdje poos sinds
`;

// Questions often mix in English; its function words are just as empty, and left in they
// would count as unknown words.
const ENGLISH = `
a about also am an and any are as at be been being but by can could do does for from had has have
he her him his how i if is it its just me my no not of on or our really she should so that the their them
there they this to us very was we were what when where which who why will with would you your
keep keeps kept get gets got make makes want wants need needs know like still always don didn
doesn isn won wouldn couldn shouldn im ive
someone somebody anyone anybody something anything everything allowed permitted exactly
`;

export const STOPWORDS: ReadonlySet<string> = new Set(
  `${WORDS} ${DURATIONS} ${ENGLISH}`.split(/\s+/).filter(Boolean),
);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}
