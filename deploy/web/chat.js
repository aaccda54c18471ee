/* global window, document, sessionStorage, fetch, URL, WebChat */
// The chat page: asks our server for a Direct Line token (the server says whether to talk to
// its own local Direct Line or to Azure), starts the conversation, then renders the official
// Web Chat in Dutch. This file runs before the large Web Chat bundle, so the conversation (and
// the bot's greeting) is under way while the browser is still compiling that bundle.
// No inline script: this file is served from our origin under a strict Content-Security-Policy.
'use strict';

(function () {
  const SAVED_KEY = 'bdv-chat-gesprek';
  const TOKEN_URL = '/api/directline/token';
  const MESSAGE = { focus: 'bdv-chat:focus', close: 'bdv-chat:close' };
  /** The bot's event after "vergeet mij" (dialogs/forgotten.ts). */
  const FORGOTTEN = 'bdv.vergeten';
  const script = document.currentScript;
  // Web Chat puts this nonce on the <style> elements it creates (style-src 'nonce-…').
  const nonce = script && script.nonce ? script.nonce : undefined;
  const embedded = window.parent !== window;
  const statusEl = document.getElementById('chat-status');
  const previewEl = document.getElementById('chat-preview');
  let rootEl = document.getElementById('webchat');
  let currentLine = null;

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
    // A long answer is read from its start: scrolling stops once new messages fill a page,
    // instead of running on to the end of the answer.
    autoScrollSnapOnPage: true,
    autoScrollSnapOnPageOffset: 0,
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

  function forgetSaved() {
    try {
      sessionStorage.removeItem(SAVED_KEY);
    } catch {
      // Nothing was stored.
    }
  }

  /** Picks up this tab's conversation after a reload or a page change, if it still exists. */
  async function resume(saved) {
    const url = `${saved.domain}/conversations/${encodeURIComponent(saved.conversationId)}`;
    const res = await fetch(url, { headers: { Authorization: `Bearer ${saved.token}` } });
    if (!res.ok) return null;
    const body = await res.json();
    return { ...saved, token: body.token || saved.token };
  }

  /** A new token, and the conversation started with it: the bot greets while we wait. */
  async function startNew() {
    const res = await fetch(TOKEN_URL, { method: 'POST' });
    if (!res.ok) throw new Error(`token ${res.status}`);
    const grant = await res.json();
    const domain = new URL(grant.domain, window.location.origin).href.replace(/\/$/, '');
    const started = await fetch(`${domain}/conversations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${grant.token}` },
    });
    if (!started.ok) throw new Error(`conversation ${started.status}`);
    const conversation = await started.json();
    return {
      mode: grant.mode,
      domain,
      token: conversation.token || grant.token,
      conversationId: conversation.conversationId,
    };
  }

  /**
   * The greeting, shown as plain text while Web Chat is still loading (on a slow phone that
   * takes a while), so the person can start reading at once. Only for the eye: screen readers
   * hear the real message when Web Chat has it.
   */
  async function preview(current) {
    if (!previewEl) return;
    const url = `${current.domain}/conversations/${encodeURIComponent(current.conversationId)}/activities`;
    const res = await fetch(url, { headers: { Authorization: `Bearer ${current.token}` } });
    if (!res.ok) return;
    const body = await res.json();
    const first = (body.activities || []).find(
      (a) => a.type === 'message' && a.text && a.from && a.from.role !== 'user',
    );
    if (!first || window.bdvChatShown) return;
    previewEl.replaceChildren(
      ...first.text.split(/\n{2,}/).map((paragraph) => {
        const p = document.createElement('p');
        p.textContent = paragraph.replace(/\*\*/g, '');
        return p;
      }),
    );
    previewEl.hidden = false;
  }

  function hidePreview() {
    window.bdvChatShown = true;
    if (!previewEl) return;
    previewEl.hidden = true;
    previewEl.replaceChildren();
  }

  async function session(fresh) {
    const saved = fresh ? null : readSaved();
    const resumed = saved ? await resume(saved).catch(() => null) : null;
    const current = resumed || (await startNew());
    save(current);
    if (!resumed && !fresh) await preview(current).catch(() => undefined);
    return current;
  }

  /** Web Chat's store, watching for the bot's "vergeet mij" event. */
  function createStore() {
    return WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          const activity = action.payload && action.payload.activity;
          // Web Chat has its first message: two frames later it is on screen.
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && !window.bdvChatShown) {
            window.requestAnimationFrame(() => window.requestAnimationFrame(hidePreview));
          }
          if (
            action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' &&
            activity &&
            activity.type === 'event' &&
            activity.name === FORGOTTEN
          ) {
            window.setTimeout(startAfresh, 0);
          }
          return next(action);
        };
      };
    });
  }

  function render(current) {
    // Both conversations, new and resumed, already exist: Web Chat reconnects to them.
    currentLine = WebChat.createDirectLine({
      domain: current.domain,
      token: current.token,
      conversationId: current.conversationId,
      // Our local endpoint polls; Azure's Direct Line also offers a WebSocket.
      webSocket: current.mode === 'azure',
    });
    WebChat.renderWebChat(
      {
        directLine: currentLine,
        store: createStore(),
        locale: 'nl-NL',
        nonce,
        styleOptions,
        role: 'region',
      },
      rootEl,
    );
  }

  /**
   * After "vergeet mij": nothing of the conversation stays in this tab. The saved conversation
   * is dropped, the old chat leaves the page and a new one starts, so a reload (on a shared
   * computer, say) shows nothing from before.
   */
  async function startAfresh() {
    forgetSaved();
    if (currentLine && typeof currentLine.end === 'function') currentLine.end();
    const fresh = document.createElement('div');
    fresh.id = 'webchat';
    fresh.className = rootEl.className;
    fresh.setAttribute('aria-label', rootEl.getAttribute('aria-label') || '');
    rootEl.replaceWith(fresh);
    rootEl = fresh;
    showStatus('Wat u hier deelde, is gewist. Er is een nieuw gesprek begonnen.');
    try {
      render(await session(true));
    } catch {
      showStatus(
        'Wat u hier deelde, is gewist. Een nieuw gesprek kan nu niet starten: laad de pagina opnieuw.',
        true,
      );
    }
  }

  /** Web Chat's screen-reader text gives times in a 12-hour format ("6:52 a.m.") even in
   *  Dutch; Dutch uses the 24-hour clock ("06:52"). */
  const TWELVE_HOUR = /\b(\d{1,2}):(\d{2})\s?([ap])\.m\./g;

  function dutchTime(text) {
    return text.replace(TWELVE_HOUR, (_all, hours, minutes, half) => {
      const hour = (Number(hours) % 12) + (half === 'p' ? 12 : 0);
      return `${String(hour).padStart(2, '0')}:${minutes}`;
    });
  }

  /** Only the activity status holds a time; everything else Web Chat adds is left alone, so
   *  watching the transcript costs next to nothing. */
  const STATUS = '.webchat__activity-status';

  function fixStatus(status) {
    const walker = document.createTreeWalker(status, 4 /* NodeFilter.SHOW_TEXT */);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const fixed = dutchTime(text.data);
      if (fixed !== text.data) text.data = fixed;
    }
  }

  function keepTimesDutch(root) {
    const observer = new window.MutationObserver((changes) => {
      const statuses = new Set();
      for (const change of changes) {
        const target = change.target.nodeType === 1 ? change.target : change.target.parentElement;
        const around = target && target.closest ? target.closest(STATUS) : null;
        if (around) statuses.add(around);
        for (const added of change.addedNodes) {
          if (added.nodeType !== 1) continue;
          if (added.matches(STATUS)) statuses.add(added);
          for (const inner of added.querySelectorAll(STATUS)) statuses.add(inner);
        }
      }
      for (const status of statuses) fixStatus(status);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
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

  /** The next frame is on screen: the greeting preview is painted before the browser spends
   *  most of a second running the Web Chat bundle. */
  function painted() {
    return new Promise((resolve) =>
      window.requestAnimationFrame(() => window.requestAnimationFrame(resolve)),
    );
  }

  /** Runs the Web Chat bundle (the page preloads it, so it is usually downloaded already). */
  function loadWebChat() {
    if (window.WebChat) return Promise.resolve();
    const src = script && script.dataset.webchat;
    return new Promise((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = src;
      tag.onload = () => resolve();
      tag.onerror = () => reject(new Error('webchat'));
      document.head.appendChild(tag);
    });
  }

  async function main() {
    if (embedded) listenToEmbed();
    keepTimesDutch(document.querySelector('.chat__main'));
    try {
      const current = await session(false);
      await painted();
      await loadWebChat();
      render(current);
      showStatus('');
    } catch {
      showStatus(
        'De chat kan nu niet starten. Probeer het later opnieuw, of neem rechtstreeks contact op met het bureau.',
        true,
      );
    }
  }

  void main();
})();
