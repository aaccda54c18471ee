/* global window, document, sessionStorage, fetch, URL, WebChat */
// The chat page: asks our server for a Direct Line token (the server says whether to talk to
// its own local Direct Line or to Azure), then renders the official Web Chat in Dutch.
// No inline script: this file is served from our origin under a strict Content-Security-Policy.
'use strict';

(function () {
  const SAVED_KEY = 'bdv-chat-gesprek';
  const TOKEN_URL = '/api/directline/token';
  const MESSAGE = { focus: 'bdv-chat:focus', close: 'bdv-chat:close' };
  const script = document.currentScript;
  // Web Chat puts this nonce on the <style> elements it creates (style-src 'nonce-…').
  const nonce = script && script.nonce ? script.nonce : undefined;
  const embedded = window.parent !== window;
  const statusEl = document.getElementById('chat-status');
  const rootEl = document.getElementById('webchat');

  // One palette with chat.css; every text colour has at least 4.5:1 contrast.
  const styleOptions = {
    accent: '#1f5f5b',
    backgroundColor: '#ffffff',
    primaryFont:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    subtle: '#5a6b6a',
    timestampColor: '#5a6b6a',
    bubbleBackground: '#f1f4f4',
    bubbleBorderColor: '#c9d3d2',
    bubbleBorderRadius: 8,
    bubbleBorderWidth: 1,
    bubbleTextColor: '#1a2b2a',
    bubbleFromUserBackground: '#1f5f5b',
    bubbleFromUserBorderColor: '#1f5f5b',
    bubbleFromUserBorderRadius: 8,
    bubbleFromUserTextColor: '#ffffff',
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#1f5f5b',
    suggestedActionBorderRadius: 8,
    suggestedActionBorderWidth: 2,
    suggestedActionTextColor: '#1f5f5b',
    suggestedActionBackgroundColorOnHover: '#e3efee',
    suggestedActionTextColorOnHover: '#1a2b2a',
    sendBoxButtonColor: '#1f5f5b',
    sendBoxTextColor: '#1a2b2a',
    sendBoxPlaceholderColor: '#5a6b6a',
    sendBoxBorderTop: 'solid 1px #5a6b6a',
    hideUploadButton: true,
    maxMessageLength: 2000,
  };

  function showStatus(text, isError) {
    statusEl.textContent = text;
    statusEl.classList.toggle('chat__status--error', Boolean(isError));
  }

  function readSaved() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(SAVED_KEY) || 'null');
      return saved && saved.token && saved.conversationId && saved.domain ? saved : null;
    } catch {
      return null;
    }
  }

  function save(session) {
    try {
      sessionStorage.setItem(SAVED_KEY, JSON.stringify(session));
    } catch {
      // Private browsing may refuse storage: the chat then simply starts afresh on reload.
    }
  }

  /** Picks up this tab's conversation after a reload or a page change, if it still exists. */
  async function resume(saved) {
    const url = `${saved.domain}/conversations/${encodeURIComponent(saved.conversationId)}`;
    const res = await fetch(url, { headers: { Authorization: `Bearer ${saved.token}` } });
    if (!res.ok) return null;
    const body = await res.json();
    return { ...saved, token: body.token || saved.token, resumed: true };
  }

  async function startNew() {
    const res = await fetch(TOKEN_URL, { method: 'POST' });
    if (!res.ok) throw new Error(`token ${res.status}`);
    const grant = await res.json();
    const domain = new URL(grant.domain, window.location.origin).href.replace(/\/$/, '');
    return {
      mode: grant.mode,
      domain,
      token: grant.token,
      conversationId: grant.conversationId,
      resumed: false,
    };
  }

  async function session() {
    const saved = readSaved();
    const resumed = saved ? await resume(saved).catch(() => null) : null;
    const current = resumed || (await startNew());
    save({
      mode: current.mode,
      domain: current.domain,
      token: current.token,
      conversationId: current.conversationId,
    });
    return current;
  }

  function render(current) {
    const directLine = WebChat.createDirectLine({
      domain: current.domain,
      token: current.token,
      // A new conversation is started by Web Chat itself; an existing one is reconnected.
      conversationId: current.resumed ? current.conversationId : undefined,
      // Our local endpoint polls; Azure's Direct Line also offers a WebSocket.
      webSocket: current.mode === 'azure',
    });
    WebChat.renderWebChat(
      { directLine, locale: 'nl-NL', nonce, styleOptions, role: 'region' },
      rootEl,
    );
    showStatus('');
  }

  function sendBox() {
    return document.querySelector('[data-id="webchat-sendbox-input"]');
  }

  function focusSendBox(attempt) {
    const input = sendBox();
    if (input) input.focus();
    else if (attempt < 50) window.setTimeout(() => focusSendBox(attempt + 1), 100);
  }

  function listenToEmbed() {
    document.documentElement.classList.add('chat-embedded');
    document.querySelector('.chat').classList.add('chat--embedded');
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent || !event.data) return;
      if (event.data.type === MESSAGE.focus) focusSendBox(0);
    });
    // Key events do not leave an iframe, so Escape is passed up to the embedding page.
    window.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      window.parent.postMessage({ type: MESSAGE.close }, '*');
    });
  }

  async function main() {
    if (embedded) listenToEmbed();
    try {
      render(await session());
    } catch {
      showStatus(
        'De chat kan nu niet starten. Probeer het later opnieuw, of neem rechtstreeks contact op met het bureau.',
        true,
      );
    }
  }

  void main();
})();
