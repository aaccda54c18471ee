import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type ConversationState,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { BotAuthConfig } from '../services/config.ts';
import { describeError, newErrorId, type Logger } from '../services/logger.ts';
import { saveUnavailable, sendAgain, turnError } from '../../dialogs/strings.ts';
import { EtagConflictError } from '../services/storage/state-store.ts';
import { storageFailureCode } from '../services/security/storage-guard.ts';
import { signInFailure } from './sign-in-errors.ts';

/** How many connector clients (one per app id, service URL and audience) are kept. */
const MAX_KEPT_CLIENTS = 64;

/** A small least-recently-used map of promises; a promise that fails is not kept. */
class KeptClients<T> {
  private readonly clients = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    let client = this.clients.get(key);
    if (client) {
      this.clients.delete(key);
    } else {
      client = create();
      client.catch(() => {
        if (this.clients.get(key) === client) this.clients.delete(key);
      });
    }
    this.clients.set(key, client);
    if (this.clients.size > MAX_KEPT_CLIENTS) {
      const oldest = this.clients.keys().next().value;
      if (oldest !== undefined) this.clients.delete(oldest);
    }
    return client;
  }
}

/** The app id botframework-connector builds its clients for (audience claim, else app id). */
function appIdOf(identity: ClaimsIdentity): string {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/**
 * Bot Framework authentication as botbuilder configures it, except that the connector and
 * user-token clients are made once per app id, service URL and audience instead of for every
 * request: each is an HTTP client with its own request pipeline, and building two of those
 * was a noticeable part of a turn. They hold no state of a request (tokens are fetched and
 * cached by the credentials they share). Every request is still authenticated on its own.
 */
class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new KeptClients<ConnectorClient>();
  private readonly tokenClients = new KeptClients<UserTokenClient>();

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    if (!factory) return result;
    const appId = appIdOf(result.claimsIdentity);
    const connectors = this.connectors;
    result.connectorFactory = new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const key = JSON.stringify([appId, serviceUrl, audience ?? null]);
        return connectors.get(key, () => factory.create(serviceUrl, audience));
      }
    })();
    return result;
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }
}

/** botbuilder takes any one of its cloud settings as "all of them are given", so with a
 *  metadata URL of our own the others get the public cloud's values, as they have without. */
function cloudSettings(auth: BotAuthConfig): Record<string, string | boolean> {
  const channel = auth.ToBotFromChannelOpenIdMetadataUrl;
  const emulator = auth.ToBotFromEmulatorOpenIdMetadataUrl;
  if (channel === undefined && emulator === undefined) return { ...auth };
  const cloud = AuthenticationConstants;
  return {
    ...auth,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: cloud.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: cloud.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: cloud.ToBotFromChannelTokenIssuer,
    OAuthUrl: cloud.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: channel ?? cloud.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: emulator ?? cloud.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * CloudAdapter, with CloudAdapter.process split in two for the HTTP front: `authenticate`
 * first (so a request counts against its conversation only once its token is valid), then
 * `processAuthenticated`, botbuilder's own processActivity with that result. process itself
 * answers 500 and prints a stack trace for most tokens it refuses; here a refusal is a
 * TokenRejectedError and unreachable sign-in metadata a SignInUnavailableError.
 */
export class BureauAdapter extends CloudAdapter {
  async authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw signInFailure(error);
    }
  }

  processAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

/** Without an app id the adapter runs in local mode (no token checks) for the Emulator and the
 *  tests; with one, every request must carry a valid Bot Framework token. */
export function createAdapter(auth: BotAuthConfig): BureauAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory(auth);
  return new BureauAdapter(new ReusedClientsAuthentication(cloudSettings(auth), credentials));
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
