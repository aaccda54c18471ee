// Ids that cross files are defined here once: state property names, the values that the
// greeting's suggested actions send back, and dialog ids.
import type { MatchResult } from '../bot/services/knowledge/types.ts';

export const STATE = {
  conversationFlags: 'conversationFlags',
  dialogState: 'dialogState',
} as const;

export interface ConversationFlags {
  greeted?: boolean;
  /** Misses in a row (fallback or "iets anders"); at two the bot offers a human. */
  misses?: number;
  /** The entry id whose "Heeft dit geholpen?" awaits a ja/nee. */
  pendingFeedback?: string | undefined;
  /** The safety check awaits ja/nee; on "nee" the bot gives this answer (entry ids and titles,
   *  never the person's words). */
  pendingCheck?: MatchResult | undefined;
  /** With pendingCheck: the message told of fear or exhaustion (see distress.ts). */
  pendingDistress?: boolean | undefined;
  /** After the crisis reply: "ja" starts a contact request, "nee" is answered kindly. */
  pendingOffer?: boolean | undefined;
  /** The answered question, scrubbed and sealed by the insight, kept only until that ja/nee. */
  feedbackNote?: string | undefined;
  /** This conversation has been counted (bot.ts); "opnieuw" starts a new count. */
  counted?: boolean;
  /** The entry whose rest waits behind "Lees meer" (an id, never text). */
  more?: string | undefined;
  /** "Lees meer" shows the answer from its start (the advisers' part came first). */
  moreFromStart?: boolean | undefined;
  /** The entry whose part for confidential advisers "Ik ben vertrouwenspersoon" shows. */
  adviserPart?: string | undefined;
  /** The person said they are a confidential adviser: answers give the advisers' part, and
   *  the course is offered. Only for this conversation. */
  role?: 'adviser';
  /** The bot just asked whether a confidential adviser may contact the person (contact
   *  details, a kind word): a typed "ja" starts the contact request, "nee" is answered. */
  contactOffered?: 'contacts' | 'distress' | undefined;
}

/** Values that cards send back (Adaptive Card Submit data). */
export const CARD_ACTIONS = {
  register: 'register',
} as const;

export const DIALOG = {
  registration: 'registration',
  contact: 'contactRequest',
  /** The summary of a contact request with the consent question, and changes to it. */
  contactReview: 'contactReview',
  forget: 'forget',
} as const;
