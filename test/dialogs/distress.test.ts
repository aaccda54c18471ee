import assert from 'node:assert/strict';
import { showsDistress } from '../../dialogs/distress.ts';

// Whether a message without a fitting entry gets the kind word and a human instead of a refusal.
describe('distress: someone having a hard time is recognised in plain words', () => {
  it('with one or two words of degree, and in chat words', () => {
    for (const text of [
      'ik voel me echt heel rot door wat er op mijn werk gebeurt',
      'Ik ben zo ontzettend moe van alles',
      'ik voel me zwaar klote door die groepsapp',
      'voel me echt erg alleen op de afdeling',
      'ik ben best down de laatste tijd',
    ]) {
      assert.ok(showsDistress(text), text);
    }
  });

  it('not in an ordinary question', () => {
    for (const text of [
      'Mag mijn leidinggevende mij na werktijd appen?',
      'Hoe leg ik een screenshot vast als bewijs?',
      'Wat kost de cursus voor vertrouwenspersonen?',
    ]) {
      assert.equal(showsDistress(text), false, text);
    }
  });
});
