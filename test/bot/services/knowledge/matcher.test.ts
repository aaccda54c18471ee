import assert from 'node:assert/strict';
import { loadKnowledge } from '../../../../bot/services/knowledge/load/loader.ts';
import { Matcher } from '../../../../bot/services/knowledge/match/matcher.ts';
import { displayValue, PLACEHOLDER } from '../../../../bot/services/knowledge/service.ts';
import { TUNING } from '../../../../bot/services/knowledge/tuning.ts';
import type { KnowledgeBase } from '../../../../bot/services/knowledge/types.ts';
import { FIXTURE } from './helpers.ts';

describe('matching questions to entries (fixture knowledge)', function () {
  let base: KnowledgeBase;
  let matcher: Matcher;
  before(async () => {
    const loaded = await loadKnowledge(FIXTURE);
    assert.ok(loaded.base, 'the fixture loads');
    base = loaded.base;
    matcher = new Matcher(base, TUNING);
  });

  const answers = (question: string, target: string) =>
    it(`"${question}" → ${target}`, () => {
      const result = matcher.match(question);
      assert.equal(result.target, target, JSON.stringify(result));
      assert.notEqual(result.decision, 'fallback');
    });

  describe('paraphrases with synonyms', () => {
    answers('mijn chef zet gemene appjes over mij rond', 'digitaal-pesten');
    answers('ik kreeg een dickpic van iemand op mijn werk', 'naaktbeelden');
    answers('blijft alles wat ik zeg vertrouwelijk?', 'geheimhouding');
    answers('wat kost de training?', 'course');
  });

  describe('typos and informal spelling', () => {
    answers('mag de vertrouwenspesoon dat aan mn baas vertelen', 'geheimhouding');
    answers('hoe bewaar ik die berichtn als bewjs', 'bewijs-vastleggen');
    answers('kan iemand me terugbelen', 'counsellor');
  });

  describe('compounds, diminutives and participles', () => {
    answers('pestgedrag in de groepsapp', 'digitaal-pesten');
    answers('leer ik iets over socialemediabeleid', 'course');
    answers(
      'hij stuurde me allemaal berichtjes en nu wil ik schermafdrukjes maken',
      'bewijs-vastleggen',
    );
    answers('ik word geappt en uitgelachen door collega’s', 'digitaal-pesten');
  });

  describe('questions outside the field fall back', () => {
    for (const question of [
      'hoe laat gaat de trein naar utrecht',
      'wat is het wachtwoord van de wifi',
      'wanneer wordt mijn salaris betaald',
      'hoeveel vakantiedagen heb ik nog',
      'asdfgh',
      'petra@voorbeeld.nl',
      '',
    ]) {
      it(`"${question}" → fallback`, () => {
        const result = matcher.match(question);
        assert.equal(result.target, 'fallback');
        assert.equal(result.decision, 'fallback');
        assert.deepEqual(result.alternatives, []);
      });
    }
  });

  describe('safety first, graded', () => {
    it('gives the crisis reply even when the message is also about a topic', () => {
      const result = matcher.match('ik word elke dag gepest in de groepsapp en ik wil dood');
      assert.deepEqual(result, {
        target: 'crisis',
        score: 1,
        title: result.title,
        decision: 'crisis',
        alternatives: [],
      });
    });

    it('combines signals within a few words, whatever the case and accents', () => {
      assert.equal(matcher.match('Hij heeft GEDREIGD me iets aan te doen').target, 'crisis');
      assert.equal(matcher.match('ik voel me niet veilig').target, 'crisis');
      assert.equal(matcher.match('Zelfmoord').target, 'crisis');
    });

    it('asks first when there are signs without certainty, and keeps the answer for "nee"', () => {
      const result = matcher.match('ik word gepest in de groepsapp en ik kan niet meer');
      assert.equal(result.decision, 'safety-check');
      assert.equal(result.target, 'safety-check');
      assert.equal(result.afterCheck?.target, 'digitaal-pesten');
      assert.equal(matcher.match('ik kan niet meer inloggen op de groepsapp').decision, 'answer');
    });

    it('lowers a crisis to a check when it is clearly past, never to nothing', () => {
      const lowered = matcher.match('vorig jaar heeft hij gedreigd me iets aan te doen');
      assert.equal(lowered.decision, 'safety-check');
    });

    it('lets an idiom cancel only the words it covers', () => {
      assert.equal(
        matcher.match('ik wil een eind maken aan het pesten in de groepsapp').target,
        'digitaal-pesten',
      );
      assert.equal(
        matcher.match('ik wil een eind maken aan het pesten, ik wil dood').target,
        'crisis',
      );
    });

    it('matches whole words and word starts only where a term says so', () => {
      assert.notEqual(matcher.match('ik wil doodgewoon mijn berichten bewaren').target, 'crisis');
      assert.equal(matcher.match('zelfmoordgedachten').target, 'crisis');
    });
  });

  describe('decisions', () => {
    it('offers the top three as "Bedoelde u…" between the thresholds', () => {
      const unsure = new Matcher(base, {
        ...TUNING,
        thresholds: { answer: 0.999, suggest: 0.001 },
      });
      const result = unsure.match('berichten van collega in de app');
      assert.equal(result.decision, 'suggest');
      assert.ok(result.alternatives.length >= 2 && result.alternatives.length <= 3);
      assert.equal(result.alternatives[0]?.target, result.target);
      const scores = result.alternatives.map((a) => a.score);
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
      );
    });

    it('gives calibrated scores between 0 and 1 and the title of the target', () => {
      const result = matcher.match('Hoe bewaar ik de berichten als bewijs?');
      assert.equal(result.decision, 'answer');
      assert.ok(result.score > 0 && result.score <= 1);
      assert.equal(result.title, base.entries.get('bewijs-vastleggen')?.title);
    });
  });

  describe('out-of-scope examples', () => {
    const examples = [
      'Hoe installeer ik de roosterapp op mijn telefoon?',
      'Waar zie ik mijn rooster voor volgende week?',
      'Hoe ruil ik een dienst met een collega?',
    ];
    const withExamples = (tuning = TUNING) =>
      new Matcher({ ...base, outOfScope: examples }, tuning);
    // Thresholds so low that only the out-of-scope examples can make the matcher fall back.
    const lenient = { ...TUNING, thresholds: { answer: 0.999, suggest: 0.001 } };

    it('refuses a question that is closest to an out-of-scope example, whatever its score', () => {
      // Without the examples, "collega" and "app" make this look like bullying in a group app.
      const question = 'hoe ruil ik via de app een dienst met een collega';
      assert.notEqual(new Matcher(base, lenient).match(question).decision, 'fallback');
      const result = withExamples(lenient).match(question);
      assert.equal(result.target, 'fallback');
      assert.equal(result.decision, 'fallback');
    });

    it('still answers in-scope questions and never offers the examples as a choice', () => {
      const strict = withExamples();
      assert.equal(
        strict.match('Hoe bewaar ik de berichten als bewijs?').target,
        'bewijs-vastleggen',
      );
      const unsure = new Matcher(
        { ...base, outOfScope: ['Hoe ruil ik een dienst in het rooster?'] },
        lenient,
      );
      const result = unsure.match('berichten van collega in de app');
      assert.equal(result.decision, 'suggest');
      assert.ok(result.alternatives.every((a) => a.target !== 'fallback'));
    });
  });
});

describe('placeholders', () => {
  it('shows TE_VULLEN as "op aanvraag" and other values unchanged', () => {
    assert.equal(displayValue(PLACEHOLDER), 'op aanvraag');
    assert.equal(displayValue(' TE_VULLEN '), 'op aanvraag');
    assert.equal(displayValue('€ 395'), '€ 395');
  });
});
