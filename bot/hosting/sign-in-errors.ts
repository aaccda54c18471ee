import { AuthenticationError } from 'botframework-connector';

// While botframework-connector checks a channel's token it throws three kinds of error: its
// own AuthenticationError (status 401 when it refuses the token, 500 when the signing keys
// could not be loaded), the errors of jsonwebtoken, passed on unchanged (a bad signature, an
// algorithm it does not allow, a token not valid yet), and whatever fetching the sign-in
// metadata threw (node-fetch's FetchError when the address cannot be reached). CloudAdapter
// answers all but the first with 500 and prints a stack trace. The HTTP front must tell
// "this token is no good" (401) from "tokens cannot be checked now" (503).

/** jsonwebtoken's verdicts on a token: the error names it documents. */
const TOKEN_VERDICTS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** The token does not verify; `reason` is the class of what said so (never its message, which
 *  can quote the token's claims). */
export class TokenRejectedError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super('token rejected');
    this.name = 'TokenRejectedError';
    this.reason = reason;
  }
}

/** The sign-in metadata or signing keys could not be fetched, so no token can be checked. */
export class SignInUnavailableError extends Error {
  constructor(cause: unknown) {
    super('sign-in metadata unavailable', { cause });
    this.name = 'SignInUnavailableError';
  }
}

/** What a failed authentication means for the caller. Anything that is not a verdict on the
 *  token is taken as "cannot check now": the channel may retry, and no token gets through. */
export function signInFailure(error: unknown): TokenRejectedError | SignInUnavailableError {
  if (error instanceof AuthenticationError && error.statusCode < 500) {
    return new TokenRejectedError('AuthenticationError');
  }
  if (error instanceof Error && TOKEN_VERDICTS.has(error.name)) {
    return new TokenRejectedError(error.name);
  }
  return new SignInUnavailableError(error);
}
