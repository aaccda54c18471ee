import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import type { BotAuthConfig } from './config.ts';
import { describeError, newErrorId, type Logger } from './logger.ts';
import { saveUnavailable, sendAgain, turnError } from '../dialogs/strings.ts';
import { EtagConflictError } from './storage/state-store.ts';
import { storageFailureCode } from './security/storage-guard.ts';

/** Without an app id the adapter runs in local mode (no token checks) for the Emulator and the
 *  tests; with one, every request must carry a valid Bot Framework token. */
export function createAdapter(auth: BotAuthConfig): CloudAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory(auth);
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ ...auth }, credentials));
}

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

/** Answers in Dutch with a code the person can quote, logs that code without any content, and
 *  clears the conversation state so one broken state cannot trap the person in a loop. */
export function installTurnErrorHandler(adapter: CloudAdapter, deps: TurnErrorDeps): void {
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
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
