// What happened in a conversation, as far as the bureau's insight needs to know: which kind
// of reply the bot gave, never who asked. The router and the bot report here; the insight
// recorder (bot/services/insight/recorder.ts) turns it into day counts and, for the questions the bot
// could not answer well, a scrubbed and encrypted text for the knowledge editors.

/** A question as typed, with the names the channel told us (the person's own Teams name,
 *  people @mentioned), which are always removed before anything is kept. */
export interface AskedQuestion {
  text: string;
  names: string[];
}

export interface ConversationEvents {
  /** The first message of a conversation (again after "opnieuw"). */
  conversationStarted(): void;
  /** Answered directly from an entry or route. Returns an opaque note (the scrubbed question,
   *  sealed) for the conversation state, handed back with `feedback` if the answer gets "Nee";
   *  undefined when questions are not kept. */
  answered(entryId: string, question: AskedQuestion): string | undefined;
  /** "Bedoelde u…", with the entry it came closest to. */
  suggested(closestEntryId: string, question: AskedQuestion): void;
  /** No answer; `closestEntryId` is the best candidate that was not good enough, if any. */
  refused(closestEntryId: string | undefined, question: AskedQuestion): void;
  /** Counted only: a crisis message is never kept as text. */
  crisis(): void;
  /** Counted only, like crisis. */
  safetyCheck(): void;
  contactRequest(): void;
  registration(): void;
  /** "Heeft dit geholpen?"; `note` is what `answered` returned for this answer. */
  feedback(entryId: string, helped: boolean, note?: string): void;
}

/** For tests and tools that run the router without insight. */
export const NO_EVENTS: ConversationEvents = {
  conversationStarted: () => undefined,
  answered: () => undefined,
  suggested: () => undefined,
  refused: () => undefined,
  crisis: () => undefined,
  safetyCheck: () => undefined,
  contactRequest: () => undefined,
  registration: () => undefined,
  feedback: () => undefined,
};
