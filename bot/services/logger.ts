import { randomBytes } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// Log lines carry ids, counts and error kinds only. Message text, names, e-mail addresses
// and phone numbers never reach a log call; the redaction below is a second line of defence
// for fields that might be added carelessly later.
const REDACTED_PATHS = [
  'text',
  '*.text',
  'activity',
  '*.activity',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'name',
  '*.name',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'bdv-chatbot' },
    redact: { paths: REDACTED_PATHS, censor: '[verwijderd]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A short code the user sees ("foutcode …") and the log carries, so the bureau can match
 *  a complaint to a log line without storing anything the person wrote. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/** The error's class, code and call sites, but not its message: a message may quote input. */
export function describeError(error: unknown): { errorType: string; code?: string; at?: string } {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as Error & { code?: unknown }).code;
  // The call sites only: a message over several lines (the knowledge checker's) is no stack.
  const at = error.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 5)
    .join('\n')
    .trim();
  return {
    errorType: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(at ? { at } : {}),
  };
}

const CONSOLE_LEVELS = {
  error: 'warn',
  warn: 'warn',
  trace: 'warn',
  log: 'debug',
  info: 'debug',
  debug: 'debug',
} as const;

/** Libraries print to the console: botframework-connector, for one, prints the signing key
 *  and a stack trace for every token it refuses. In the bot's process each such call becomes
 *  one JSON log line instead, with the type, code and call sites of an error passed to it, but
 *  no text: that can quote a token or what a person typed. */
export function routeConsoleToLog(logger: Logger): void {
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    const target = console as unknown as Record<string, (...args: unknown[]) => void>;
    target[method] = (...args: unknown[]) => {
      const error = args.find((arg) => arg instanceof Error);
      logger[level]({ console: method, ...(error ? describeError(error) : {}) }, 'library output');
    };
  }
}
