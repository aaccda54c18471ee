// Dutch strong and irregular verbs change their vowel in the past tense ("zocht", "kreeg",
// "geschreven"); the Porter stemmer cannot bring those back to the infinitive's stem, so
// "hr zocht mijn facebook op" never met "opzoeken". Each line: the infinitive, then its
// past forms and participle. Only verbs people use when they tell what happened to them, plus
// "sturen", whose regular past ("stuurde") the stemmer also leaves as "stuurd".
const TABLE = `
bedriegen bedroog bedrogen
beginnen begon begonnen
bekijken bekeek bekeken
bieden bood boden geboden
blijken bleek bleken gebleken
blijven bleef bleven gebleven
brengen bracht brachten gebracht
denken dacht dachten gedacht
doen deed deden
dringen drong drongen gedrongen
gaan ging gingen
geven gaf gaven gegeven
grijpen greep grepen gegrepen
hangen hing hingen gehangen
heffen hief hieven geheven
houden hield hielden gehouden
kiezen koos kozen gekozen
kijken keek keken gekeken
kopen kocht kochten gekocht
krijgen kreeg kregen gekregen
laten liet lieten gelaten
liegen loog logen gelogen
lezen las lazen gelezen
lopen liep liepen gelopen
nemen nam namen genomen
ontslaan ontsloeg ontsloegen ontslagen
ontvangen ontving ontvingen
roepen riep riepen geroepen
schelden schold scholden gescholden
schieten schoot schoten geschoten
schrijven schreef schreven geschreven
schrikken schrok schrokken geschrokken
slaan sloeg sloegen geslagen
sluiten sloot sloten gesloten
spreken sprak spraken gesproken
staan stond stonden gestaan
stelen stal stalen gestolen
sturen stuurde stuurden gestuurd
trekken trok trokken getrokken
vallen viel vielen gevallen
verbieden verbood verboden
verdwijnen verdween verdwenen
verliezen verloor verloren
vinden vond vonden gevonden
vragen vroeg vroegen gevraagd
wijzen wees wezen gewezen
zenden zond zonden gezonden
zien zag zagen gezien
zoeken zocht zochten gezocht
zwijgen zweeg zwegen gezwegen
`;

const INFINITIVES = new Map<string, string>();
for (const line of TABLE.trim().split('\n')) {
  const [infinitive = '', ...forms] = line.split(' ');
  for (const form of forms) INFINITIVES.set(form, infinitive);
}

/** "zocht" → "zoeken"; undefined for a regular or unknown form. */
export function strongInfinitive(form: string): string | undefined {
  return INFINITIVES.get(form);
}
