import type { Response } from 'restify';
import { isLocalMode, type BotConfig } from '../services/config.ts';
import { clientAddressOf, type ClientAddress } from '../services/security/client-address.ts';
import {
  DEFAULT_RATE_LIMITS,
  type RateLimitSettings,
} from '../services/security/request-limits.ts';

export interface HttpSecurity {
  rateLimits: RateLimitSettings;
  /** Where a request comes from (X-Forwarded-For only from trusted proxies). */
  clientAddress: ClientAddress;
  /** Local mode (no Bot Framework authentication): replies may only go to this machine. */
  loopbackServiceUrlOnly: boolean;
}

export const DEFAULT_HTTP_SECURITY: HttpSecurity = {
  rateLimits: DEFAULT_RATE_LIMITS,
  clientAddress: clientAddressOf(0),
  loopbackServiceUrlOnly: false,
};

export function httpSecurity(config: BotConfig): HttpSecurity {
  return {
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...config.rateLimits },
    clientAddress: clientAddressOf(config.trustProxy),
    loopbackServiceUrlOnly: isLocalMode(config),
  };
}

// Error bodies in one shape ({ error: { code, message } }, as Direct Line does) with a fixed
// Dutch message per status: restify's own messages can quote the request (a JSON parse error
// quotes the bytes it choked on), and nothing a person sent should come back in an error.
const ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'BadRequest', message: 'Het verzoek is ongeldig.' },
  401: { code: 'Unauthorized', message: 'U bent niet aangemeld.' },
  403: { code: 'Forbidden', message: 'Dit mag niet.' },
  404: { code: 'NotFound', message: 'Dit adres bestaat niet.' },
  405: { code: 'MethodNotAllowed', message: 'Deze methode is hier niet toegestaan.' },
  413: { code: 'PayloadTooLarge', message: 'Het bericht is te groot (maximaal 256 KB).' },
  415: { code: 'UnsupportedMediaType', message: 'Stuur JSON (application/json).' },
};
const SERVER_ERROR = {
  code: 'ServerError',
  message: 'Er ging aan de kant van de chatbot iets mis.',
};
const OTHER = { code: 'RequestFailed', message: 'Het verzoek kon niet worden verwerkt.' };

export function errorBody(status: number): { error: { code: string; message: string } } {
  return { error: ERRORS[status] ?? (status >= 500 ? SERVER_ERROR : OTHER) };
}

export function sendErrorStatus(res: Response, status: number): void {
  res.json(status, errorBody(status), { 'Cache-Control': 'no-store' });
}
