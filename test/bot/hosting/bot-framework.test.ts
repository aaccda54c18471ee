// The adapter's authentication builds connector and user-token clients once per app id,
// service URL and audience, not for every request; each request is still authenticated.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import { createAdapter } from '../../../bot/hosting/bot-framework.ts';

const LOCAL = {
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppType: 'MultiTenant',
  MicrosoftAppTenantId: '',
};

function authenticationOf(adapter: unknown): BotFrameworkAuthentication {
  return (adapter as { botFrameworkAuthentication: BotFrameworkAuthentication })
    .botFrameworkAuthentication;
}

const activity = (serviceUrl: string): Activity =>
  ({
    type: 'message',
    channelId: 'webchat',
    serviceUrl,
    conversation: { id: 'c' },
    from: { id: 'u' },
    recipient: { id: 'b' },
  }) as Activity;

describe('adapter: clients made once, requests authenticated each time', () => {
  it('reuses the connector client for a service URL, and makes another for another URL', async () => {
    const auth = authenticationOf(createAdapter(LOCAL));
    const url = 'http://127.0.0.1:3978';
    const first = await auth.authenticateRequest(activity(url), '');
    const second = await auth.authenticateRequest(activity(url), '');
    const a = await first.connectorFactory?.create(url, first.audience);
    const b = await second.connectorFactory?.create(url, second.audience);
    assert.ok(a);
    assert.equal(a, b);
    const other = await second.connectorFactory?.create('http://127.0.0.1:4000', second.audience);
    assert.ok(other);
    assert.notEqual(other, a);
    assert.equal((other as unknown as { baseUri: string }).baseUri, 'http://127.0.0.1:4000');
  });

  it('reuses the user-token client', async () => {
    const auth = authenticationOf(createAdapter(LOCAL));
    const { claimsIdentity } = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    const a = await auth.createUserTokenClient(claimsIdentity);
    assert.equal(await auth.createUserTokenClient(claimsIdentity), a);
  });

  it('still refuses a request without a token when an app id is configured', async () => {
    const auth = authenticationOf(
      createAdapter({ ...LOCAL, MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' }),
    );
    await assert.rejects(auth.authenticateRequest(activity('https://example.org/'), ''));
  });
});
