// What one simulated person does in npm run bench: opens the chat, asks two questions,
// registers for the course in seven turns, and asks one more question. Each autocannon
// connection plays this script again and again, each time as a new conversation, so 100
// connections are 100 conversations going on at once.
import type autocannon from 'autocannon';

// Our own wording of typical questions (not the evaluation sets).
const QUESTIONS = [
  'Mijn collega’s zetten gemene dingen over mij in de teamapp',
  'Mijn chef appt me elke avond na tienen, moet ik daarop reageren?',
  'Een collega stuurde me een naaktfoto waar ik niet om had gevraagd',
  'Mijn mail aan het team viel helemaal verkeerd, wat kan ik doen?',
  'Mag de casemanager via WhatsApp naar mijn klachten vragen?',
  'Iemand zet leugens over mij op LinkedIn',
  'Hoe bewaar ik bewijs van nare berichten?',
  'Wat doet een vertrouwenspersoon eigenlijk?',
  'Blijft wat ik vertel geheim?',
  'Wat is het verschil tussen een melding en een klacht?',
  'Is een bericht op mijn eigen Instagram privé of werk?',
  'Moet ik een vriendschapsverzoek van mijn leerling accepteren?',
];

export const REGISTRATION_STEPS = [
  'Ik wil me aanmelden voor de cursus',
  'Anna Jansen',
  'anna@voorbeeld.nl',
  'Voorbeeldschool',
  'Ja, afgerond',
  'ja',
  'ja',
];

type Turn = { type: 'conversationUpdate' } | { type: 'message'; text: (n: number) => string };

const question = (offset: number) => (n: number) =>
  QUESTIONS[(n * 7 + offset) % QUESTIONS.length] ?? '';

const TURNS: Turn[] = [
  { type: 'conversationUpdate' },
  { type: 'message', text: question(0) },
  { type: 'message', text: question(5) },
  ...REGISTRATION_STEPS.map((text): Turn => ({ type: 'message', text: () => text })),
  { type: 'message', text: question(9) },
];

/** What autocannon keeps per connection; it starts afresh each time the script restarts. */
interface ScriptContext {
  conversation?: number;
}

let conversations = 0;
let activities = 0;

function activity(turn: Turn, conversation: number): Record<string, unknown> {
  activities += 1;
  const user = { id: `user-${conversation}`, name: 'Gebruiker' };
  const bot = { id: 'bot', name: 'Bureau De Vertrouwenspersoon' };
  const common = {
    id: `a${activities}`,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    from: user,
    recipient: bot,
    conversation: { id: `bench-${process.pid}-${conversation}` },
    timestamp: new Date().toISOString(),
    locale: 'nl-NL',
  };
  return turn.type === 'conversationUpdate'
    ? { ...common, type: 'conversationUpdate', membersAdded: [user, bot] }
    : { ...common, type: 'message', text: turn.text(conversation) };
}

/** The script as autocannon requests: each builds its activity when it is about to be sent. */
export function conversationRequests(
  onReply: (status: number, body: string) => void,
): autocannon.Request[] {
  return TURNS.map((turn, index) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: autocannon.Request, context: object) => {
      const state = context as ScriptContext;
      if (index === 0 || state.conversation === undefined) {
        conversations += 1;
        state.conversation = conversations;
      }
      return { ...request, body: JSON.stringify(activity(turn, state.conversation)) };
    },
    onResponse: (status: number, body: string) => onReply(status, body),
  }));
}

export const TURNS_PER_CONVERSATION = TURNS.length;
