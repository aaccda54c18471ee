// The HTTP front must tell "this token is no good" (401) from "tokens cannot be checked now"
// (503); CloudAdapter answers most of both with 500 and a stack trace. signInFailure in
// bot-framework.ts sorts botbuilder's errors into these two.

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
