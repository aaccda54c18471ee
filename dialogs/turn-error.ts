import type { ConversationState, TurnContext } from 'botbuilder';
import { describeError, newErrorId, type Logger } from '../bot/services/logger.ts';
import { storageFailureCode } from '../bot/services/security/storage-guard.ts';
import { EtagConflictError } from '../bot/services/storage/state-store.ts';
import { saveUnavailable, sendAgain, turnError } from './strings.ts';

export interface TurnErrorDeps {
  logger: Logger;
  conversationState: ConversationState;
}

async function clearState(context: TurnContext, deps: TurnErrorDeps, errorId: string) {
  try {
    await deps.conversationState.delete(context);
  } catch (clearError) {
    deps.logger.error({ errorId, ...describeError(clearError) }, 'could not clear state');
  }
}

/** What the person sees when a turn fails: an answer in Dutch with a code they can quote, the
 *  same code in the log without any content, and a cleared conversation state so one broken
 *  state cannot trap the person in a loop. The hosting installs it as the adapter's
 *  onTurnError. */
export function turnErrorHandler(
  deps: TurnErrorDeps,
): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const errorId = newErrorId();
    const storageCode = storageFailureCode(error);
    deps.logger.error(
      {
        errorId,
        ...describeError(error),
        ...(storageCode ? { storageCode } : {}),
        channelId: context.activity.channelId,
        activityType: context.activity.type,
      },
      storageCode ? 'turn failed: storage unavailable, nothing saved' : 'turn failed',
    );
    // A lost race (two messages of one conversation at once) leaves a good state behind:
    // keep it and ask for the message again. Anything else may be a broken state: clear it.
    const conflict = error instanceof EtagConflictError;
    if (!conflict) await clearState(context, deps, errorId);
    const reply = conflict
      ? sendAgain(errorId)
      : storageCode
        ? saveUnavailable(errorId)
        : turnError(errorId);
    try {
      await context.sendActivity(reply);
    } catch (sendError) {
      deps.logger.error({ errorId, ...describeError(sendError) }, 'could not send error reply');
    }
  };
}
