import assert from 'node:assert/strict';
import { loadKnowledge } from '../../../../bot/services/knowledge/load/loader.ts';
import { SafetyDetector } from '../../../../bot/services/knowledge/safety/detector.ts';
import { collectFeatures } from '../../../../bot/services/knowledge/safety/features.ts';
import {
  probability,
  SAFETY_MODEL,
  scores,
} from '../../../../bot/services/knowledge/safety/model.ts';
import {
  compileTerm,
  TermIndex,
  type CompiledTerm,
} from '../../../../bot/services/knowledge/safety/terms.ts';
import { MAX_SAFETY_CHARS, safetyWords } from '../../../../bot/services/knowledge/safety/text.ts';
import { REAL_KNOWLEDGE } from './helpers.ts';

describe('safety check: text that people disguise', () => {
  let detector: SafetyDetector;
  before(async () => {
    const { base } = await loadKnowledge(REAL_KNOWLEDGE);
    assert.ok(base);
    detector = new SafetyDetector(base.crisis, SAFETY_MODEL);
  });

  const flagged = [
    'ik wil zelf\u200Bmoord plegen',
    'ik wil zelf\u200Cmoord plegen',
    'zelf\u00ADmoord',
    'z e l f m o o r d',
    'z.e.l.f.m.o.o.r.d',
    'z-e-l-f-m-o-o-r-d',
    'z\u0435lfm\u043Eord', // Cyrillic е and о
    'zelfm\u03BFord', // Greek ο
    'z3lfm00rd',
    'ik wil doooood',
    'ikwildood',
    'ik w i l d o o d g a a n',
    'su*cide',
    'k*ll myself',
    'I want to take my own life',
    'gonna unalive myself',
    'kms',
    'ZELFMOORD',
    'ik wil niet meer leve',
  ];
  for (const text of flagged) {
    it(`gives the crisis reply to ${JSON.stringify(text)}`, () => {
      assert.equal(detector.assess(text).outcome, 'crisis');
    });
  }

  const ordinary = [
    'ik ben doodgewoon moe van die groepsapp',
    'ik heb de appjes opgeslagen, is dat genoeg als bewijs?',
    'arbeidstherapeutisch werken hoeveel uur per week',
    'mijn collega werken hard, maar de chef appt ons om elf uur',
    'een eind maken aan het pesten in de groepsapp, hoe doe ik dat?',
    "mijn ex-collega dreigt mijn naaktfoto's rond te sturen",
  ];
  for (const text of ordinary) {
    it(`does not flag ${JSON.stringify(text)}`, () => {
      assert.equal(detector.assess(text).outcome, 'none');
    });
  }

  // "Steken" is also what a wasp, a flat tyre and the Dutch for mocking someone do; a threat
  // in the same message still counts.
  const stung = [
    'iemand heeft mijn fietsband lek gestoken',
    'ik ben door een wesp gestoken tijdens de lunch',
    'hij heeft de draak met mij gestoken in de groepsapp',
  ];
  for (const text of stung) {
    it(`does not flag ${JSON.stringify(text)}`, () => {
      assert.equal(detector.assess(text).outcome, 'none');
    });
  }
  it('still gives the crisis reply when a flat tyre comes with a threat to stab', () => {
    const text = 'hij heeft mijn banden lek gestoken en zei dat hij mij ook gaat steken';
    assert.equal(detector.assess(text).outcome, 'crisis');
  });

  it('reads a message whole, up to the largest length a channel accepts', () => {
    const story = 'Mijn teamleider zet elke ochtend in de groepsapp wie er te laat was. ';
    const long = story.repeat(Math.ceil(3900 / story.length)).slice(0, 3900);
    assert.equal(detector.assess(`${long} ik wil er een eind aan maken`).outcome, 'crisis');
    assert.equal(detector.assess(long).outcome, 'none');
    const words = safetyWords(`${'a '.repeat(MAX_SAFETY_CHARS)} zelfmoord`).words;
    assert.ok(!words.includes('zelfmoord'), 'beyond the limit nothing is read');
  });

  it('never reports the words of a message, only signal names and scores', () => {
    const result = detector.assess('mijn collega Jan de Vries wil zich van kant maken');
    assert.equal(result.outcome, 'crisis');
    assert.doesNotMatch(JSON.stringify(result), /Jan|Vries|kant/);
  });
});

describe('safety check: the term language of crisis.yaml', () => {
  function index(...terms: string[]): TermIndex {
    return new TermIndex([terms.map((t) => compileTerm(t) as CompiledTerm)]);
  }
  const found = (i: TermIndex, text: string): number => i.find(i.resolve(safetyWords(text))).length;

  it('explains what is wrong with a term, in Dutch', () => {
    const problem = (term: string): string => {
      const compiled = compileTerm(term);
      return typeof compiled === 'string' ? compiled : '';
    };
    assert.match(problem('ze*'), /minstens 3 letters/);
    assert.match(problem('... dood'), /tussen twee woorden/);
    assert.match(problem('$ dood'), /einde van de zin/);
    assert.match(problem('dood-moe'), /alleen letters/);
    assert.equal(problem('strop ... klaar'), '');
  });

  it('matches word starts, ends, middles, choices and gaps of up to three words', () => {
    assert.equal(found(index('vermoord*'), 'hij vermoordt me'), 1);
    assert.equal(found(index('*brief'), 'een afscheidsbrief'), 1);
    assert.equal(found(index('*pillen*'), 'de slaappillenpot'), 1);
    assert.equal(found(index('pillen|tabletten klaar'), 'tabletten klaar'), 1);
    assert.equal(found(index('strop ... klaar'), 'de strop hangt al klaar'), 1);
    assert.equal(found(index('strop ... klaar'), 'de strop hangt daar echt al klaar'), 0);
  });

  it('ends a term at the end of a clause with $, and never lets a term cross a comma', () => {
    const i = index('kan niet meer $');
    assert.equal(found(i, 'ik kan niet meer'), 1);
    assert.equal(found(i, 'ik kan niet meer, echt'), 1);
    assert.equal(found(i, 'ik kan niet meer inloggen'), 0);
    assert.equal(found(index('dood serieus'), 'ik wil dood, serieus'), 0);
  });
});

describe('safety check: the learned part', () => {
  it('scores a message exactly as the tuner computes it from the collected features', async () => {
    const { base } = await loadKnowledge(REAL_KNOWLEDGE);
    assert.ok(base);
    const detector = new SafetyDetector(base.crisis, SAFETY_MODEL);
    const story = 'Mijn collega zet elke avond memes over mij in de groepsapp, en ik ben bang. ';
    for (const text of [
      'de strop hangt al klaar in de schuur',
      'ik kan niet meer, echt niet meer',
      `${story.repeat(20)} nu staat hij beneden en zegt dat ik het ga merken`,
      'wat kost de cursus social media?',
    ]) {
      const reading = detector.read(text);
      const fast = scores(SAFETY_MODEL, reading);
      const danger = probability(
        SAFETY_MODEL.net,
        collectFeatures(reading, 0, reading.words.length),
      );
      const crisis = probability(
        SAFETY_MODEL.severity,
        collectFeatures(reading, reading.focus[0], reading.focus[1]),
      );
      assert.ok(Math.abs(fast.danger - danger) < 1e-9, text);
      assert.ok(Math.abs(fast.crisis - crisis) < 1e-9, text);
    }
  });
});
