import assert from 'node:assert/strict';
import { dutchWords, type WordList } from '../../../../bot/services/insight/dutch-words.ts';
import { scrubQuestion, type ScrubContext } from '../../../../bot/services/insight/scrub.ts';
import { knowledgeVocabulary } from '../../../../bot/services/insight/vocabulary.ts';
import { KnowledgeService } from '../../../../bot/services/knowledge/service.ts';
import { resolveKnowledgeDir } from '../../../../bot/services/knowledge/paths.ts';

// What is left of a question once it is scrubbed for the editors: the wording, without
// anything that points to a person.

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('insight: scrubbing a question before it is kept', function () {
  this.timeout(20_000);
  let words: WordList;
  let context: ScrubContext;

  before(async () => {
    words = await dutchWords();
    const knowledge = await KnowledgeService.open({ dir: resolveKnowledgeDir(), logger: silent });
    context = { words, vocabulary: knowledgeVocabulary(knowledge.base), names: [] };
  });

  const scrub = (text: string, names: string[] = []) => scrubQuestion(text, { ...context, names });

  it('removes e-mail addresses, links, phone numbers, long numbers, IBANs and postcodes', () => {
    assert.equal(
      scrub('Mail mij op anna.de.vries@voorbeeld.nl of bel 06-12345678, niet +31 6 1234 5678'),
      'Mail mij op [e-mail] of bel [telefoon], niet [telefoon]',
    );
    assert.equal(
      scrub('Zie https://example.com/klacht?id=4 en www.voorbeeld.nl'),
      'Zie [link] en [link]',
    );
    assert.equal(
      scrub('mijn personeelsnummer is 1234567 en BSN 123456789'),
      'mijn personeelsnummer is [nummer] en BSN [nummer]',
    );
    assert.equal(scrub('IBAN NL91 ABNA 0417 1643 00'), 'IBAN [nummer]');
    assert.equal(
      scrub('ik woon in 1234 AB, vlakbij 5678cd'),
      'ik woon in [postcode], vlakbij [postcode]',
    );
    assert.equal(
      scrub('in 2024 en 2025 kreeg ik 3 waarschuwingen'),
      'in 2024 en 2025 kreeg ik 3 waarschuwingen',
    );
    assert.equal(scrub('geboren op 01-02-1990'), 'geboren op [nummer]');
  });

  it('removes names: capitalised words that are not ordinary Dutch words, @mentions and the Teams name', () => {
    assert.equal(
      scrub('Mijn collega Jan Jansen stuurt mij elke avond berichten via WhatsApp'),
      'Mijn collega [naam] stuurt mij elke avond berichten via WhatsApp',
    );
    assert.equal(scrub('Wat als @sanne mij blijft appen?'), 'Wat als [naam] mij blijft appen?');
    assert.equal(scrub('Pieter zegt dat het mag'), '[naam] zegt dat het mag');
    assert.equal(
      scrub('mijn manager Mark Bakker pest mij in Teams', []),
      'mijn manager [naam] pest mij in Teams',
      'a surname that is also a word is still a name mid-sentence',
    );
    assert.equal(
      scrub('Roos zegt dat ik overdrijf'),
      '[naam] zegt dat ik overdrijf',
      'a listed first name',
    );
    assert.equal(
      scrub('ik ben sophie en mijn teamleider appt mij', ['Sophie van Dam']),
      'ik ben [naam] en mijn teamleider appt mij',
      'the Teams name goes, also in lower case',
    );
  });

  it('keeps ordinary words, also at the start of a sentence and words of the knowledge base', () => {
    const question =
      'Pesten in de groepsapp. Mag mijn leidinggevende mij na werktijd appen? Vertrouwenspersoon nodig.';
    assert.equal(scrub(question), question);
    assert.equal(scrub('Kan HR mijn WhatsApp lezen?'), 'Kan HR mijn WhatsApp lezen?');
  });
});
