import type { Next, Request, Response, Server } from 'restify';
import type { RouteInstaller } from '../../bot/hosting/app.ts';

// A stand-in for the Teams client, for the browser test only: a page on the bot's own origin
// that frames /tab and answers teams-js's postMessage calls (initialize, getContext) the way
// the Teams host does, with a theme and locale the test chooses. Teams itself cannot run here.

export const FAKE_HOST_PATH = '/test/fake-teams-host';

function hostPage(theme: string, locale: string): string {
  const context = JSON.stringify({ theme, locale, frameContext: 'content', hostClientType: 'web' });
  const runtime = JSON.stringify({ apiVersion: 4, isLegacyTeams: false, supports: {} });
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Teams (stand-in)</title></head>
<body><main><h1>Teams (stand-in)</h1><iframe title="Info" src="/tab" style="width:900px;height:700px"></iframe></main>
<script>
  const frame = document.querySelector('iframe');
  const answers = {
    initialize: ['content', 'web', ${JSON.stringify(runtime)}, '2.58.0'],
    getContext: [${context}],
  };
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || !event.data || !(event.data.func in answers)) return;
    const { id, uuid, func } = event.data;
    frame.contentWindow.postMessage({ id, uuid, args: answers[func] }, event.origin);
  });
</script></body></html>`;
}

export const fakeTeamsHost: RouteInstaller = (server: Server) => {
  server.get(FAKE_HOST_PATH, (req: Request, res: Response, next: Next) => {
    const query = new URL(req.url ?? '/', 'http://local').searchParams;
    const html = hostPage(query.get('theme') ?? 'default', query.get('locale') ?? 'nl-nl');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
    next();
  });
};
