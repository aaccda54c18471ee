import assert from 'node:assert/strict';
import { Analyzer } from '../../../../bot/services/knowledge/text/analyzer.ts';
import { stem } from '../../../../bot/services/knowledge/text/morphology.ts';
import { normalizeText } from '../../../../bot/services/knowledge/text/normalize.ts';
import { SynonymTable } from '../../../../bot/services/knowledge/text/synonyms.ts';

// The words of a small index; the analyzer resolves what people type against them.
const INDEX_WORDS = [
  'pesten',
  'gedrag',
  'app',
  'bericht',
  'sociale',
  'media',
  'beleid',
  'vertrouwenspersoon',
  'leidinggevende',
  'mail',
  'zorgen',
  'uitlachen',
  'zoeken',
  'doorsturen',
];

function analyzer(
  groups = [{ term: 'leidinggevende', variants: ['baas', 'chef', 'eigen baas zijn'] }],
): Analyzer {
  const synonyms = new SynonymTable(groups);
  return new Analyzer({
    synonyms,
    weights: { compound: 0.6, fuzzy: 0.5 },
    vocabulary: new Set(INDEX_WORDS.map(stem)),
    surfaces: new Set(INDEX_WORDS),
    fuzzy: true,
  });
}

const terms = (text: string) => analyzer().analyze(text, 'query').terms;
const known = (text: string) =>
  terms(text)
    .filter((t) => t.known)
    .map((t) => t.term);

describe('Dutch text analysis', () => {
  it('removes diacritics before tokenising and keeps plurals with an apostrophe whole', () => {
    assert.equal(
      normalizeText("Privé-berichten van collega's, één keer!"),
      'prive berichten van collegas een keer',
    );
  });

  it('drops stopwords, including chat shorthand and English filler', () => {
    assert.deepEqual(known('ik wil ff weten hoe het zit met mn app'), [stem('app')]);
    assert.deepEqual(known('what do I do about the app'), [stem('app')]);
  });

  it('reads synonyms before stemming, longest phrase first', () => {
    assert.deepEqual(known('mijn chef'), [stem('leidinggevende')]);
    assert.deepEqual(known('chefs'), [stem('leidinggevende')]);
    const phrase = analyzer([
      { term: 'leidinggevende', variants: ['baas'] },
      { term: 'mail', variants: ['eigen baas'] },
    ]);
    assert.deepEqual(
      phrase.analyze('mijn eigen baas', 'query').terms.map((t) => t.term),
      [stem('mail')],
    );
  });

  it('splits compounds against the index vocabulary', () => {
    assert.deepEqual(known('pestgedrag'), [stem('pesten'), stem('gedrag')]);
    assert.deepEqual(known('socialemediabeleid'), [stem('sociale'), stem('media'), stem('beleid')]);
    const cyber = terms('cyberpesten');
    assert.ok(cyber.some((t) => t.term === stem('pesten') && t.known && t.weight < 1));
    assert.ok(
      cyber.some((t) => !t.known),
      'the unknown modifier still counts against the match',
    );
  });

  it('reduces diminutives and participles to their base', () => {
    assert.deepEqual(known('appjes'), [stem('app')]);
    assert.deepEqual(known('berichtje'), [stem('bericht')]);
    assert.deepEqual(known('gepest'), [stem('pesten')]);
    assert.deepEqual(known('geappt'), [stem('app')]);
    assert.deepEqual(known('gemaild'), [stem('mail')]);
  });

  it('brings strong past tenses and separable participles back to the infinitive', () => {
    assert.deepEqual(known('hr zocht mijn profiel'), [stem('zoeken')]);
    assert.deepEqual(known('ze hebben me opgezocht'), [stem('zoeken')]);
    assert.deepEqual(known('hij heeft het doorgestuurd'), [stem('doorsturen')]);
  });

  it('joins a separable verb with its particle at the end of the sentence', () => {
    assert.deepEqual(known('ze lachen me steeds uit'), [stem('uitlachen')]);
  });

  it('ignores e-mail addresses, links and phone numbers', () => {
    assert.deepEqual(known('mail naar petra@voorbeeld.nl of bel 06-12345678, zie www.app.nl'), [
      stem('mail'),
    ]);
  });

  it('corrects typos in longer words with a lower weight, but not in short ones', () => {
    const typo = terms('vertrouwenspesoon');
    assert.equal(typo[0]?.term, stem('vertrouwenspersoon'));
    assert.ok((typo[0]?.weight ?? 1) < 1);
    assert.deepEqual(known('morgen'), [], '"morgen" is not a typo of "zorgen"');
    assert.deepEqual(known('apo'), [], 'words under five letters are not corrected');
  });
});
