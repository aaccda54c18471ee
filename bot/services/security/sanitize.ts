// Text that a person typed (or that Teams reports as their name) is shown back to them in
// Markdown messages: the registration summary, "U kunt ook de naam uit Teams kiezen: …".
// Teams and Web Chat both render Markdown, so "anna_de_vries@voorbeeld.nl" would lose its
// underscores to italics, "[klik](https://…)" would become a link, and a line break could
// fake a line of the bot's own text. These helpers make such values inert.

// C0/C1 controls, line and paragraph separators, bidirectional overrides and isolates (which
// can make text read differently from what is stored), zero-width space and BOM.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\ufeff]/g;

// The ASCII characters that start inline Markdown or HTML in Teams or Web Chat: emphasis
// (* _ ~), code (`), links and images ([ ]), HTML and autolinks (< >), entities (&, which
// could spell a bidi override), Teams' hidden {…} and the backslash itself. Parentheses, !
// and # are harmless within a line. CommonMark (Web Chat) and Teams both honour "\x".
const MARKDOWN = /[\\`*_~[\]<>{}&]/g;

/** One line of plain text: controls become spaces, runs of white space one space. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** Backslash-escapes Markdown and HTML syntax so the text shows exactly as typed. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN, (char) => `\\${char}`);
}

/** A user-supplied value for inside a Markdown message: one line, shown literally. */
export function inlineUserText(text: string): string {
  return escapeMarkdown(stripControlChars(text));
}

export interface MarkupProblem {
  /** 1-based line in the text that was checked. */
  line: number;
  problem: string;
}

// An HTML tag or comment: "<b>", "</div>", "<img src=…>", "<!-- … -->". Autolinks such as
// <https://…> and <naam@voorbeeld.nl> are Markdown, not HTML, and are allowed.
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/gi;
const LINK_TARGET = /\]\(\s*<?([^)\s>]+)/g;
const SAFE_SCHEMES = /^(https?:|mailto:|tel:)/i;

/** Raw HTML and links with unsafe schemes (javascript:, data:, file:) in curated Markdown.
 *  Channels differ in what HTML they render, so the knowledge files must not rely on any. */
export function findUnsafeMarkup(markdown: string): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  markdown.split('\n').forEach((text, index) => {
    const line = index + 1;
    for (const match of text.matchAll(HTML_TAG)) {
      problems.push({ line, problem: `HTML is niet toegestaan: ${match[0].slice(0, 40)}` });
    }
    for (const match of text.matchAll(LINK_TARGET)) {
      const target = match[1] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !SAFE_SCHEMES.test(target)) {
        problems.push({ line, problem: `link met een onveilig schema: ${target.slice(0, 40)}` });
      }
    }
  });
  return problems;
}
