import assert from 'node:assert/strict';
import { ReferralIndex } from '../../../../bot/services/knowledge/match/referrals.ts';

// Which referral a question points to (knowledge/verwijzingen.yaml): its words, unless the rest
// of the question has words of the bureau's own field; `always` words whatever else is said.

const index = new ReferralIndex({
  referrals: [
    { id: 'phishing', answer: '', terms: ['oplichting'], always: ['phishing*'] },
    { id: 'school', answer: '', terms: ['mijn dochter', 'klasgenot*'], always: [] },
    { id: 'hr', answer: '', terms: ['verlof*', 'salaris'], always: [] },
  ],
  ownTerms: ['app*', '*app', 'mail*', 'pest*', 'vertrouwenspersoon*'],
});

describe('referrals', () => {
  it('points to the first referral with one of its words, in longer forms with *', () => {
    assert.deepEqual(index.find('Wanneer krijg ik mijn salaris?'), { id: 'hr', ours: false });
    assert.deepEqual(index.find('hoeveel verlofdagen heb ik nog'), { id: 'hr', ours: false });
    assert.deepEqual(index.find('Mijn dochter wordt uitgelachen door klasgenoten'), {
      id: 'school',
      ours: false,
    });
    assert.equal(index.find('hoe laat is het'), undefined);
  });

  it("marks a question that also has the bureau's own words as ours", () => {
    assert.deepEqual(index.find('tijdens mijn verlof blijft mijn baas appen'), {
      id: 'hr',
      ours: true,
    });
    // "*app" also finds the compound "groepsapp".
    assert.deepEqual(index.find('mijn salaris staat in de groepsapp'), { id: 'hr', ours: true });
  });

  it('lets `always` words point whatever else the question says', () => {
    assert.deepEqual(index.find('ik kreeg een mail die op phishing lijkt'), {
      id: 'phishing',
      ours: false,
    });
  });
});
