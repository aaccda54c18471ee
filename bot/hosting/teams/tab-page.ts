import { displayValue, isPlaceholder, PLACEHOLDER } from '../../services/knowledge/placeholder.ts';
import type { ContactChannel, ContactInfo, CourseInfo } from '../../services/knowledge/types.ts';
import { escapeHtml as e } from '../web/html.ts';
import { MENU } from '../../../dialogs/strings.ts';

// The Teams "Info" tab: the course, how to reach a confidential adviser, and what the bot
// stores. Rendered on the server from the knowledge files (every value escaped), so it reads
// the same inside Teams, in a plain browser, and without JavaScript.

export interface TabContent {
  course: CourseInfo;
  contacts: ContactInfo;
  retentionDays: number;
  /** Days unanswered questions are kept (scrubbed) for the editors; undefined: none kept. */
  questionDays?: number;
  recordRetentionDays: number;
}

function paragraph(text: string): string {
  return `<p>${e(text)}</p>`;
}

function fact(label: string, value: string | string[]): string {
  const shown = Array.isArray(value)
    ? value.length === 0
      ? displayValue(PLACEHOLDER)
      : value.map((v) => displayValue(v)).join(', ')
    : displayValue(value);
  return `<dt>${e(label)}</dt><dd>${e(shown)}</dd>`;
}

function courseSection(course: CourseInfo): string {
  const programme = course.programme
    .map((item) => `<li><strong>${e(item.title)}</strong>: ${e(item.description)}</li>`)
    .join('\n');
  return `<section aria-labelledby="cursus">
<h2 id="cursus">Nascholing: ${e(course.title)}</h2>
${paragraph(course.summary)}
<h3>Voor wie</h3>
${paragraph(course.targetGroup)}
<h3>Programma</h3>
<ol>
${programme}
</ol>
<h3>Huiswerk</h3>
${paragraph(course.homework)}
<h3>Praktisch</h3>
<dl>
${fact('Data', course.dates)}
${fact('Locatie', course.location)}
${fact('Prijs', course.price)}
${fact('Aanmelden', course.registration)}
</dl>
</section>`;
}

/** A link only for values that are clearly a phone number, e-mail address or web address. */
function channelValue(channel: ContactChannel): string {
  const value = channel.value.trim();
  if (isPlaceholder(value)) return e(displayValue(value));
  if (channel.type === 'telefoon' && /^\+?[\d\s()-]{6,20}$/.test(value)) {
    return `<a href="tel:${e(value.replace(/[^\d+]/g, ''))}">${e(value)}</a>`;
  }
  if (channel.type === 'email' && /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(value)) {
    return `<a href="mailto:${e(value)}">${e(value)}</a>`;
  }
  if (channel.type === 'website' && /^https:\/\/[^\s<>"]+$/i.test(value)) {
    return `<a href="${e(value)}" target="_blank" rel="noopener noreferrer">${e(value)}</a>`;
  }
  return e(value);
}

function contactSection(contacts: ContactInfo): string {
  const channels = contacts.channels
    .map((channel) => {
      const note = channel.note ? `<br><span class="note">${e(channel.note)}</span>` : '';
      return `<li><strong>${e(channel.label)}</strong>: ${channelValue(channel)}${note}</li>`;
    })
    .join('\n');
  return `<section aria-labelledby="contact">
<h2 id="contact">${e(MENU.counsellor)}</h2>
${paragraph(contacts.intro)}
<ul class="channels">
${channels}
</ul>
<p><strong>Bereikbaar</strong>: ${e(displayValue(contacts.hours))}</p>
</section>`;
}

function privacySection(content: TabContent): string {
  return `<section aria-labelledby="privacy">
<h2 id="privacy">Privacy</h2>
<p>De chatbot is een automatische assistent, geen vertrouwenspersoon. In Teams ziet de bot wie u bent (uw Teams-account); op de website chat u anoniem.</p>
<ul>
${
  content.questionDays === undefined
    ? '<li>De chatbot slaat de tekst van uw vragen niet op en zet die nooit in logbestanden. Het gesprek zelf ziet u in Teams terug, zoals elke chat.</li>'
    : `<li>Een vraag waarop de chatbot geen goed antwoord had, bewaren we zonder namen, telefoonnummers, e-mailadressen en andere nummers, en niet gekoppeld aan u of uw gesprek, zodat het bureau de antwoorden kan verbeteren. Na ${content.questionDays} dagen gewist. Andere vragen en berichten over gevaar bewaren we niet; vragen komen nooit in logbestanden. Het gesprek zelf ziet u in Teams terug, zoals elke chat.</li>`
}
<li>Waar u in een gesprek bent, wordt na ${content.retentionDays} dagen automatisch gewist.</li>
<li>Een cursusaanmelding of contactverzoek bewaren we alleen met uw toestemming, en uiterlijk ${content.recordRetentionDays} dagen.</li>
<li>Typ in de chat <strong>vergeet mij</strong> om alles te laten wissen wat over u is opgeslagen.</li>
</ul>
</section>`;
}

function useSection(): string {
  return `<section aria-labelledby="gebruik">
<h2 id="gebruik">Gebruik</h2>
<p>De chatbot geeft algemene informatie, geen persoonlijk of juridisch advies. Wilt u met een mens praten, vraag de bot dan om contact met een vertrouwenspersoon.</p>
<p>In acuut gevaar: bel 112. Denkt u aan zelfdoding? Bel 113 of 0800-0113 (gratis, dag en nacht) of chat via 113.nl.</p>
</section>`;
}

export function renderTabPage(content: TabContent): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Info – Bureau De Vertrouwenspersoon</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/tab/tab.css">
<script src="/tab/tab.js" defer></script>
</head>
<body>
<main class="tab">
<h1>Bureau De Vertrouwenspersoon</h1>
<p id="alleen-nederlands" lang="en" hidden>This information is available in Dutch only.</p>
<p class="lead">Hier vindt u onze nascholing, hoe u een vertrouwenspersoon spreekt en wat de chatbot bewaart. Uw vraag stellen kan in het tabblad Chat.</p>
${courseSection(content.course)}
${contactSection(content.contacts)}
${privacySection(content)}
${useSection()}
</main>
</body>
</html>
`;
}
