import { escapeHtml } from './html.ts';

// The page around Web Chat. The nonce goes on chat.js so that script can hand it to Web Chat
// for the <style> elements Web Chat creates; scripts themselves are allowed by 'self'.

export const CHAT_PAGE_TITLE = 'Chat met Bureau De Vertrouwenspersoon';

export function renderChatPage(nonce: string): string {
  const n = escapeHtml(nonce);
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${CHAT_PAGE_TITLE}</title>
<link rel="stylesheet" href="/chat/chat.css">
<script src="/chat/webchat.js" defer></script>
<script src="/chat/chat.js" defer nonce="${n}"></script>
</head>
<body>
<div class="chat">
<header class="chat__header">
<h1 class="chat__title">${CHAT_PAGE_TITLE}</h1>
<p class="chat__note">U chat met een automatische assistent, niet met een vertrouwenspersoon. Noem geen namen of andere gegevens die u niet wilt delen. In acuut gevaar? Bel 112.</p>
</header>
<main class="chat__main">
<p id="chat-status" class="chat__status" role="status">De chat wordt geladen…</p>
<div id="webchat" class="chat__webchat" aria-label="Gesprek met de chatbot"></div>
<noscript><p class="chat__status">Voor deze chat is JavaScript nodig. Zet JavaScript aan, of neem rechtstreeks contact op met het bureau.</p></noscript>
</main>
</div>
</body>
</html>
`;
}
