import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import type { BotAuthConfig } from './config.ts';
import { describeError, newErrorId, type Logger } from './logger.ts';
import { turnError } from '../dialogs/strings.ts';
import { storageFailureCode } from './security/storage-guard.ts';

/** Shown when DATA_DIR (or the blob store) cannot be written. Belongs in dialogs/strings.ts;
 *  kept here until it moves there. */
export function saveUnavailable(errorId: string): string {
  return (
    'Het spijt me: ik kan op dit moment niets opslaan. Vragen beantwoorden lukt wel, maar een ' +
    'aanmelding of contactverzoek kan ik nu niet bewaren; er is niets verstuurd. Probeer het ' +
    'later opnieuw, of neem zelf contact op met het bureau: typ **contact** voor de gegevens. ' +
    `Foutcode: ${errorId}.`
  );
}

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
    try {
      await deps.conversationState.delete(context);
    } catch (clearError) {
      deps.logger.error({ errorId, ...describeError(clearError) }, 'could not clear state');
    }
    try {
      await context.sendActivity(storageCode ? saveUnavailable(errorId) : turnError(errorId));
    } catch (sendError) {
      deps.logger.error({ errorId, ...describeError(sendError) }, 'could not send error reply');
    }
  };
}
