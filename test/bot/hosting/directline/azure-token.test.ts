import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { directLineRoutes } from '../../../../bot/hosting/directline/routes.ts';
import { webRoutes } from '../../../../bot/hosting/web/routes.ts';
import { startHttpApp, type HttpApp } from '../../../helpers/http-app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

// Production mode: with DIRECTLINE_SECRET set, POST /api/directline/token trades the secret for
// a conversation token at Azure's Direct Line. Azure cannot be reached from this machine, so
// the test points the (injectable) base URL at a small local STAND-IN that answers like
// https://directline.botframework.com/v3/directline/tokens/generate does.

const SECRET = 'geheim-direct-line-secret-123';

interface Seen {
  path: string;
  authorization: string | undefined;
  body: unknown;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

function startStandIn(seen: Seen[], status: () => number): Promise<Server> {
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      res.writeHead(status(), { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          conversationId: 'AzureConv-1',
          token: 'azure-token-xyz',
          expires_in: 3600,
        }),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('Direct Line in production mode (Azure stand-in)', () => {
  let dataDir: string;
  let running: HttpApp;
  let standIn: Server;
  let azureStatus = 200;
  const seen: Seen[] = [];

  before(async () => {
    dataDir = await makeTempDir();
    standIn = await startStandIn(seen, () => azureStatus);
    const base = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/v3/directline`;
    running = await startHttpApp(dataDir, { DIRECTLINE_SECRET: SECRET }, [
      directLineRoutes({ azureBaseUrl: base }),
      webRoutes({ azureBaseUrl: base }),
    ]);
  });
  after(async () => {
    await running.app.close();
    await new Promise((resolve) => standIn.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exchanges the secret server-side; the browser gets only the conversation token', async () => {
    azureStatus = 200;
    const res = await fetch(`${running.app.url}/api/directline/token`, { method: 'POST' });
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.ok(!text.includes(SECRET), 'the secret never reaches the browser');
    const grant = JSON.parse(text) as Record<string, unknown>;
    assert.equal(grant.mode, 'azure');
    assert.equal(grant.token, 'azure-token-xyz');
    assert.equal(grant.conversationId, 'AzureConv-1');
    assert.match(String(grant.domain), /\/v3\/directline$/);

    const call = seen.at(-1);
    assert.equal(call?.path, '/v3/directline/tokens/generate');
    assert.equal(call?.authorization, `Bearer ${SECRET}`);
    const user = (call?.body as { user?: { id?: string } } | undefined)?.user;
    assert.match(user?.id ?? '', /^dl_/, 'the token is bound to a server-chosen user id');
    assert.ok(!running.logs.lines.join('\n').includes(SECRET), 'the secret is not logged');
  });

  it('answers 502 with a Dutch message when Azure refuses', async () => {
    azureStatus = 403;
    const res = await fetch(`${running.app.url}/api/directline/token`, { method: 'POST' });
    assert.equal(res.status, 502);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'DirectLineUnavailable');
    assert.match(body.error.message, /niet bereikbaar/);
  });

  it('lets the chat page connect to the Direct Line origin, and turns the local one off', async () => {
    const page = await fetch(`${running.app.url}/chat`);
    const csp = page.headers.get('content-security-policy') ?? '';
    const host = standInHost(standIn);
    assert.ok(csp.includes(`connect-src 'self' http://${host} ws://${host};`), csp);
    const local = await fetch(`${running.app.url}/v3/directline/tokens/generate`, {
      method: 'POST',
    });
    assert.equal(local.status, 404);
  });
});

function standInHost(server: Server): string {
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}
