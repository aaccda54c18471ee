import type { Request, Response } from 'restify';

// Direct Line 3.0 answers errors as { error: { code, message } }; the messages are Dutch
// because Web Chat and our page may show them.

/** Restify accepts two-argument handlers only when they are `async` functions. */
export function handle(
  fn: (req: Request, res: Response) => void | Promise<void>,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    await fn(req, res);
  };
}

export const NO_STORE = { 'Cache-Control': 'no-store' };

export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  extraHeaders: Record<string, string> = {},
): void {
  const headers: Record<string, string> = { ...NO_STORE, ...extraHeaders };
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  res.json(status, { error: { code, message } }, headers);
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.json(status, body, NO_STORE);
}

export function routeParam(req: Request, name: string): string {
  const params = req.params as Record<string, unknown> | undefined;
  const value = params?.[name];
  return typeof value === 'string' ? value : '';
}

export function queryParam(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://local').searchParams.get(name) ?? undefined;
}

export function bodyObject(req: Request): Record<string, unknown> | undefined {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}
