import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { answerParts } from '../../../../bot/services/knowledge/answer-parts.ts';
import { resolveKnowledgeDir } from '../../../../bot/services/knowledge/paths.ts';
import {
  escapeMarkdown,
  findUnsafeMarkup,
  inlineUserText,
  stripControlChars,
} from '../../../../bot/services/security/sanitize.ts';

// Web Chat renders Markdown with markdown-it; rendering with HTML allowed is the worst case
// (Teams renders some HTML too), so what survives here survives in every channel.
const require = createRequire(import.meta.url);
const MarkdownIt = require('markdown-it') as new (options: object) => {
  render(source: string): string;
};
const markdown = new MarkdownIt({ html: true, linkify: true });
const render = (text: string): string => markdown.render(`- Naam: ${text}`);
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();

describe('sanitising what people typed before it is shown back', () => {
  it('shows an e-mail address with underscores exactly, not in italics', () => {
    const html = render(inlineUserText('anna_de_vries_@voor*beeld*.nl'));
    assert.doesNotMatch(html, /<em>|<strong>/);
    assert.equal(textOf(html), 'Naam: anna_de_vries_@voor*beeld*.nl');
  });

  it('turns Markdown links, images and HTML into visible text', () => {
    const typed =
      '[Klik hier](https://phish.example) ![x](https://track.example/p.gif) <img src=x onerror=alert(1)> <b>vet</b>';
    const html = render(inlineUserText(typed));
    assert.doesNotMatch(html, /<img|<b>|onerror=alert\(1\)>|>Klik hier<\/a>/);
    assert.equal(textOf(html), `Naam: ${typed}`);
  });

  it('keeps a value on one line, so it cannot pose as a line of the bot', () => {
    const typed = 'Anna\n\n**Uw aanmelding is ontvangen onder nummer AAN-222222**\r\n# Kop';
    const html = render(inlineUserText(typed));
    assert.doesNotMatch(html, /<strong>|<h1>|<p>/);
    assert.equal(
      textOf(html),
      'Naam: Anna **Uw aanmelding is ontvangen onder nummer AAN-222222** # Kop',
    );
  });

  it('removes control characters, bidi overrides and zero-width spaces, keeps letters and emoji', () => {
    assert.equal(
      stripControlChars('Jan\u202Eetnerik\u2066\u0000\u0007 de\u200B Vries'),
      'Jan etnerik de Vries',
    );
    assert.equal(stripControlChars('  Zoë 👩‍💼 Çelik  '), 'Zoë 👩‍💼 Çelik');
    assert.equal(escapeMarkdown('geen opmaak'), 'geen opmaak');
  });
});

describe('checking curated Markdown for raw HTML and unsafe links', () => {
  it('finds HTML tags, comments and javascript: links, and allows autolinks', () => {
    const problems = findUnsafeMarkup(
      [
        'Goed: <https://113.nl> en <info@voorbeeld.nl> en a < b.',
        'Fout: <b>vet</b>',
        '<!-- x -->',
        '[x](javascript:alert(1))',
      ].join('\n'),
    );
    assert.deepEqual(
      problems.map((p) => p.line),
      [2, 2, 3, 4],
    );
  });

  it('the knowledge base has none: every answer, the course, contacts and crisis text', async () => {
    const dir = resolveKnowledgeDir();
    const texts: Array<[string, string]> = [];
    for (const name of await readdir(join(dir, 'entries'))) {
      if (!name.endsWith('.md')) continue;
      const raw = await readFile(join(dir, 'entries', name), 'utf8');
      // What the bot shows: the answer's parts, without the "Lees meer" marker line.
      const { first, more, adviser } = answerParts(raw.split(/^---$/m).slice(2).join('---'));
      texts.push([name, [first, more, adviser].join('\n')]);
    }
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : Array.isArray(value)
          ? value.flatMap(strings)
          : typeof value === 'object' && value !== null
            ? Object.values(value).flatMap(strings)
            : [];
    for (const file of ['course.yaml', 'contacts.yaml']) {
      const data: unknown = parse(await readFile(join(dir, file), 'utf8'));
      texts.push([file, strings(data).join('\n')]);
    }
    const crisis = parse(await readFile(join(dir, 'crisis.yaml'), 'utf8')) as { answer: string };
    texts.push(['crisis.yaml', crisis.answer]);
    assert.ok(texts.length >= 19);
    const found = texts.flatMap(([file, text]) =>
      findUnsafeMarkup(text).map((p) => `${file}: ${p.problem}`),
    );
    assert.deepEqual(found, []);
  });
});
