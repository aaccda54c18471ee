/* global window, document, CSSStyleSheet, URL */
// Embeds the chat of Bureau De Vertrouwenspersoon in any page with one line:
//   <script src="https://BOT/chat/embed.js" defer></script>
// It adds a "Chat met ons" button; the button opens a dialog with the chat page (/chat) in an
// iframe. Everything lives in a shadow root, so the host page's CSS cannot break it, and the
// chat is only loaded when someone opens it (no requests to the bot before that).
'use strict';

(function () {
  if (window.bdvChatEmbedded) return;
  window.bdvChatEmbedded = true;

  const script = document.currentScript;
  const botOrigin = new URL(script.src).origin;
  const label = (script.dataset && script.dataset.label) || 'Chat met ons';
  const title = 'Chat met Bureau De Vertrouwenspersoon';
  const MESSAGE = { focus: 'bdv-chat:focus', close: 'bdv-chat:close' };

  const css = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    .launcher {
      position: fixed; right: 1.25rem; bottom: 1.25rem; z-index: 2147483000;
      display: inline-flex; align-items: center; gap: 0.5rem;
      min-height: 48px; padding: 0.75rem 1.25rem; border: 2px solid #ffffff; border-radius: 999px;
      background: #1f5f5b; color: #ffffff; cursor: pointer;
      font: 600 1rem/1.2 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
      box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3);
    }
    .launcher:hover { background: #174845; }
    .launcher:focus-visible { outline: 3px solid #1f5f5b; outline-offset: 3px; }
    .launcher svg { width: 1.25rem; height: 1.25rem; fill: currentColor; }
    .panel {
      width: min(26rem, calc(100vw - 2rem)); height: min(40rem, calc(100vh - 2rem));
      margin: auto 1rem 1rem auto; padding: 0; border: 1px solid #5a6b6a; border-radius: 12px;
      background: #ffffff; color: #1a2b2a; overflow: hidden;
      box-shadow: 0 8px 32px rgba(0, 0, 0, 0.35);
    }
    .panel[open] { display: flex; flex-direction: column; }
    .panel::backdrop { background: rgba(0, 0, 0, 0.35); }
    .panel__header {
      display: flex; align-items: center; justify-content: space-between; gap: 0.5rem;
      padding: 0.5rem 0.5rem 0.5rem 1rem; background: #1f5f5b; color: #ffffff;
      font: 600 1rem/1.3 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
    }
    .panel__close {
      min-width: 44px; min-height: 44px; border: 2px solid transparent; border-radius: 8px;
      background: transparent; color: #ffffff; cursor: pointer;
      font: 400 1.5rem/1 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
    }
    .panel__close:hover { border-color: #ffffff; }
    .panel__close:focus-visible { outline: 3px solid #ffffff; outline-offset: -5px; }
    .panel__frame { flex: 1 1 auto; width: 100%; border: 0; }
    @media (max-width: 30rem) {
      .panel { width: 100vw; height: 100vh; max-width: 100vw; max-height: 100vh; margin: 0; border-radius: 0; }
    }
    @media (prefers-reduced-motion: no-preference) {
      .panel[open] { animation: bdv-open 160ms ease-out; }
      @keyframes bdv-open { from { opacity: 0; transform: translateY(1rem); } to { opacity: 1; transform: none; } }
    }
    @media (forced-colors: active) {
      .launcher, .panel__close { border-color: ButtonText; }
    }
  `;

  const host = document.createElement('div');
  host.id = 'bdv-chat';
  const shadow = host.attachShadow({ mode: 'open' });
  addStyles(shadow, css);

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('aria-haspopup', 'dialog');
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'bdv-chat-panel');
  launcher.append(bubbleIcon());
  const launcherText = document.createElement('span');
  launcherText.textContent = label;
  launcher.append(launcherText);

  const panel = document.createElement('dialog');
  panel.className = 'panel';
  panel.id = 'bdv-chat-panel';
  panel.setAttribute('aria-labelledby', 'bdv-chat-title');
  const header = document.createElement('div');
  header.className = 'panel__header';
  const heading = document.createElement('span');
  heading.id = 'bdv-chat-title';
  heading.textContent = title;
  const closeButton = document.createElement('button');
  closeButton.type = 'button';
  closeButton.className = 'panel__close';
  closeButton.setAttribute('aria-label', 'Chat sluiten');
  closeButton.textContent = '\u00d7';
  header.append(heading, closeButton);
  panel.append(header);

  let frame = null;
  let frameReady = false;

  function ensureFrame() {
    if (frame) return;
    frame = document.createElement('iframe');
    frame.className = 'panel__frame';
    frame.title = title;
    frame.src = `${botOrigin}/chat?embed=1`;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.addEventListener('load', () => {
      frameReady = true;
      if (panel.open) focusChat();
    });
    panel.append(frame);
  }

  function focusChat() {
    frame.focus();
    if (frameReady) frame.contentWindow.postMessage({ type: MESSAGE.focus }, botOrigin);
  }

  function open() {
    ensureFrame();
    panel.showModal();
    launcher.setAttribute('aria-expanded', 'true');
    focusChat();
  }

  function close() {
    if (panel.open) panel.close();
  }

  launcher.addEventListener('click', open);
  closeButton.addEventListener('click', close);
  // Every way of closing (button, Escape, the chat's own Escape) ends here.
  panel.addEventListener('close', () => {
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  });
  window.addEventListener('message', (event) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== botOrigin) return;
    if (event.data && event.data.type === MESSAGE.close) close();
  });

  shadow.append(launcher, panel);
  (document.body || document.documentElement).append(host);

  // Built with DOM calls, not innerHTML, so host pages that enforce Trusted Types still work.
  function bubbleIcon() {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute(
      'd',
      'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
    );
    svg.append(path);
    return svg;
  }

  function addStyles(root, text) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      root.adoptedStyleSheets = [sheet];
    } catch {
      // Older browsers: a <style> element (a host page's strict CSP may block this one).
      const style = document.createElement('style');
      style.textContent = text;
      root.append(style);
    }
  }
})();
