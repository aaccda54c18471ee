import assert from 'node:assert/strict';
import { urgencyOf } from '../../../../bot/hosting/beheer/urgency.ts';
import type { BureauRecord } from '../../../../bot/services/records/repository.ts';

// Which requests stand out in the list: asked to be called today or tomorrow, or untouched
// for more than a day. Saturday 5 December 2026, 10:00 in Amsterdam.

const NOW = new Date('2026-12-05T09:00:00Z');

function contact(moments: string, extra: Partial<BureauRecord> = {}): BureauRecord {
  return {
    ref: 'CON-ABCDEF',
    kind: 'contact',
    userKey: 'k',
    createdAt: '2026-12-05T08:00:00.000Z',
    fields: { anonymous: true, moments, consent: true },
    ...extra,
  };
}

describe('workspace: which requests must be called back soon', () => {
  it('flags today, tonight, tomorrow, "zo snel mogelijk" and the next weekday', () => {
    for (const moments of [
      'vandaag na 17 uur',
      'vanavond',
      'morgenochtend',
      'zo snel mogelijk',
      'zondag',
    ]) {
      assert.equal(urgencyOf(contact(moments), NOW)?.label, 'Snel terugbellen', moments);
    }
  });

  it('does not flag a general preference, a later day, or a request someone took on', () => {
    for (const moments of ["'s morgens", 'dinsdagmiddag', 'Maakt niet uit']) {
      assert.equal(urgencyOf(contact(moments), NOW), undefined, moments);
    }
    assert.equal(urgencyOf(contact('vandaag', { status: 'in behandeling' }), NOW), undefined);
    assert.equal(urgencyOf({ ...contact('vandaag'), kind: 'registration' }, NOW), undefined);
  });

  it('flags a request still new after a day', () => {
    const old = contact('dinsdagmiddag', { createdAt: '2026-12-03T08:00:00.000Z' });
    assert.equal(urgencyOf(old, NOW)?.label, 'Wacht al lang');
  });
});
