import { randomBytes } from 'node:crypto';

// Production: the Direct Line secret stays on the server. We trade it with Azure for a token
// that is bound to one new conversation and one user id we choose ('dl_…', so the browser
// cannot pick another identity), and only that token goes to the browser.

export const AZURE_DIRECT_LINE = 'https://directline.botframework.com/v3/directline';

export interface AzureTokenOptions {
  secret: string;
  /** Azure's Direct Line base URL; tests point it at a local stand-in. */
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface AzureGrant {
  conversationId: string;
  token: string;
  expires_in: number;
}

export class AzureTokenError extends Error {
  readonly status: number | undefined;
  constructor(problem: string, status?: number) {
    super(`Direct Line-token van Azure mislukt: ${problem}`);
    this.name = 'AzureTokenError';
    this.status = status;
  }
}

export async function exchangeSecret(options: AzureTokenOptions): Promise<AzureGrant> {
  const doFetch = options.fetch ?? fetch;
  const userId = `dl_${randomBytes(12).toString('base64url')}`;
  let res: globalThis.Response;
  try {
    res = await doFetch(`${options.baseUrl}/tokens/generate`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${options.secret}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const kind = error instanceof Error ? error.name : 'onbekend';
    throw new AzureTokenError(`geen verbinding (${kind})`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new AzureTokenError(`HTTP ${res.status}`, res.status);
  }
  return grantFrom(await res.json().catch(() => undefined));
}

function grantFrom(body: unknown): AzureGrant {
  if (typeof body === 'object' && body !== null) {
    const { conversationId, token, expires_in } = body as Record<string, unknown>;
    if (typeof conversationId === 'string' && typeof token === 'string') {
      return {
        conversationId,
        token,
        expires_in: typeof expires_in === 'number' ? expires_in : 1800,
      };
    }
  }
  throw new AzureTokenError('onverwacht antwoord');
}
