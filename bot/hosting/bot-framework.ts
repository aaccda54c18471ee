// The one place that reaches into botbuilder's internals (subclassing its authentication, a
// hand-made ClaimsIdentity, its activity validator, the errors its token check throws). The
// rest of the bot uses botbuilder's public API only (ActivityHandler, TurnContext,
// ConversationState, dialogs), and the import-graph test keeps it that way: a move to another
// framework (README, "Staying on botbuilder") starts here.
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';
import {
  AuthenticationConstants,
  AuthenticationError,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type UserTokenClient,
} from 'botframework-connector';
import type { BotAuthConfig } from '../services/config.ts';
import { SignInUnavailableError, TokenRejectedError } from './sign-in-errors.ts';

export type { AuthenticateRequestResult };

/** The audience of the bot's own calls to a channel (Teams alerts start conversations). */
export const CHANNEL_SCOPE = AuthenticationConstants.ToChannelFromBotOAuthScope;

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

/** jsonwebtoken's verdicts on a token: the error names it documents. */
const TOKEN_VERDICTS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * What a failed authentication means for the caller. While botframework-connector checks a
 * channel's token it throws three kinds of error: its own AuthenticationError (status 401 when
 * it refuses the token, 500 when the signing keys could not be loaded), the errors of
 * jsonwebtoken, passed on unchanged, and whatever fetching the sign-in metadata threw. Anything
 * that is not a verdict on the token is taken as "cannot check now": the channel may retry,
 * and no token gets through.
 */
export function signInFailure(error: unknown): TokenRejectedError | SignInUnavailableError {
  if (error instanceof AuthenticationError && error.statusCode < 500) {
    return new TokenRejectedError('AuthenticationError');
  }
  if (error instanceof Error && TOKEN_VERDICTS.has(error.name)) {
    return new TokenRejectedError(error.name);
  }
  return new SignInUnavailableError(error);
}

/** Turns the time stamps of an activity that checkActivity accepted into dates, as
 *  CloudAdapter.process does before a turn. */
export function withDates(activity: unknown): Activity {
  return validateAndFixActivity(activity as Activity);
}

/** A connector that is never used for replies (expectReplies buffers them); it exists because
 *  the adapter insists on one. Calls through it would fail against our own origin. */
class UnusedConnectorFactory extends ConnectorFactory {
  create(serviceUrl: string): Promise<ConnectorClient> {
    const noCredentials = { signRequest: <T>(request: T): Promise<T> => Promise.resolve(request) };
    return Promise.resolve(new ConnectorClient(noCredentials, { baseUri: serviceUrl }));
  }
}

/** Who the adapter is told is calling when a turn comes from our own Direct Line endpoint,
 *  which has checked its own token. Without an app id: anonymous, exactly what the adapter
 *  itself makes of an unauthenticated request in local mode. With one: the bot's own identity
 *  (as the adapter uses for proactive turns), so the credentials it prepares match the bot. */
export function localCaller(appId: string): AuthenticateRequestResult {
  const claimsIdentity =
    appId === ''
      ? new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType)
      : new ClaimsIdentity(
          [
            { type: AuthenticationConstants.AudienceClaim, value: appId },
            { type: AuthenticationConstants.AppIdClaim, value: appId },
          ],
          true,
        );
  return {
    audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
    claimsIdentity,
    connectorFactory: new UnusedConnectorFactory(),
  };
}
