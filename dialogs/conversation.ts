import { BureauBot } from './bot.ts';
import { Greeting } from './greeting.ts';
import { STATE, type ConversationFlags } from './ids.ts';
import { MainRouter, type RouterDeps } from './router.ts';

export type ConversationDeps = Omit<RouterDeps, 'flags' | 'greeting'>;

/** The conversation layer as the hosting runs it: the bot and its router, sharing one accessor
 *  of the conversation's flags and one greeting. */
export function createConversation(deps: ConversationDeps): BureauBot {
  const flags = deps.conversationState.createProperty<ConversationFlags>(STATE.conversationFlags);
  const greeting = new Greeting(flags);
  const router = new MainRouter({ ...deps, flags, greeting });
  return new BureauBot({
    conversationState: deps.conversationState,
    flags,
    greeting,
    router,
    events: deps.events,
  });
}
