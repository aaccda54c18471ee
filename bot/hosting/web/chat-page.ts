import { escapeHtml } from './html.ts';

// The page around Web Chat. Only chat.js runs at first: it starts the conversation and shows
// the greeting as plain text, and only then runs the large Web Chat bundle (preloaded all the
// while), which takes most of a second on a phone. The nonce goes on
// chat.js so that script can hand it to Web Chat for the <style> elements Web Chat creates;
// scripts themselves are allowed by 'self'.

export const CHAT_PAGE_TITLE = 'Chat met Bureau De Vertrouwenspersoon';

/** Where the page's files are: versioned names, so browsers may keep them a year. */
export interface ChatPageAssets {
  css: string;
  chatScript: string;
  webchatScript: string;
}

export const UNVERSIONED_ASSETS: ChatPageAssets = {
  css: '/chat/chat.css',
  chatScript: '/chat/chat.js',
  webchatScript: '/chat/webchat.js',
};

export function renderChatPage(nonce: string, assets: ChatPageAssets = UNVERSIONED_ASSETS): string {
  const n = escapeHtml(nonce);
  const url = (path: string): string => escapeHtml(path);
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${CHAT_PAGE_TITLE}</title>
<link rel="stylesheet" href="${url(assets.css)}">
<link rel="preload" href="${url(assets.webchatScript)}" as="script">
<script src="${url(assets.chatScript)}" defer nonce="${n}" data-webchat="${url(assets.webchatScript)}"></script>
</head>
<body>
<div class="chat">
<header class="chat__header">
<h1 class="chat__title">${CHAT_PAGE_TITLE}</h1>
<p class="chat__note">U chat met een automatische assistent, niet met een vertrouwenspersoon. Noem geen namen of andere gegevens die u niet wilt delen. <strong>In acuut gevaar? Bel 112.</strong></p>
</header>
<main class="chat__main">
<p id="chat-status" class="chat__status" role="status">De chat wordt geladen…</p>
<div id="chat-preview" class="chat__preview" aria-hidden="true" hidden></div>
<div id="webchat" class="chat__webchat" aria-label="Gesprek met de chatbot"></div>
<noscript><p class="chat__status">Voor deze chat is JavaScript nodig. Zet JavaScript aan, of neem rechtstreeks contact op met het bureau.</p></noscript>
</main>
</div>
</body>
</html>
`;
}
