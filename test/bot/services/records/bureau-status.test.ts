import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BureauAccess, formatTable } from '../../../../bot/services/records/bureau-access.ts';
import { EncryptedRecordRepository } from '../../../../bot/services/records/encrypted-repository.ts';
import { exportFileName, toExcelCsv } from '../../../../bot/services/records/excel-export.ts';
import { Keyring } from '../../../../bot/services/crypto/keyring.ts';
import { RecordStore } from '../../../../bot/services/records/record-store.ts';
import { withTempDir } from '../../../helpers/tmp.ts';

// What the bureau does with one request: pick it up, hand it on, close it, reopen it, delete
// it at the person's request, and export for Dutch Excel.

const contact = {
  kind: 'contact' as const,
  userKey: 'k',
  fields: {
    anonymous: false,
    name: 'Fenna Koopmans',
    phone: '0612345678',
    moments: 'dinsdag; na 17 uur',
    description: '=SOM(A1)',
    consent: true,
  },
};

describe('records: status, who picked it up, Dutch Excel export', () => {
  it('records who picked a request up and keeps that person when it is closed', () =>
    withTempDir(async (dir) => {
      const store = new EncryptedRecordRepository(
        new RecordStore({ dir: join(dir, 'records') }),
        new Keyring(randomBytes(32)),
      );
      const access = new BureauAccess(store, () => new Date('2026-12-06T13:05:00Z'));
      const saved = await store.create(contact);
      assert.equal((await access.list())[0]?.status, 'nieuw');

      assert.equal(await access.setStatus(saved.ref, 'in behandeling', 'Ineke'), true);
      assert.equal(await access.setStatus(saved.ref, 'afgehandeld', 'Bram'), true);
      const [closed] = await access.list();
      assert.equal(closed?.status, 'afgehandeld');
      assert.equal(closed?.pickedUpBy, 'Ineke', 'the one who picked it up, not the closer');
      assert.equal(closed?.closedAt, '2026-12-06T13:05:00.000Z');
      assert.match(formatTable(await access.list()), /afgehandeld\s+Ineke/);

      await access.setStatus(saved.ref, 'nieuw', 'Bram');
      const [reopened] = await access.list();
      assert.equal(reopened?.status, 'nieuw');
      assert.equal(reopened?.pickedUpBy, null);
      assert.equal(reopened?.closedAt, null);
      assert.equal((await store.get(saved.ref))?.fields.name, 'Fenna Koopmans', 'still opens');

      assert.equal(await access.setStatus('CON-ZZZZZZ', 'afgehandeld', 'Bram'), false);
      assert.equal(await access.remove(saved.ref), true);
      assert.equal(await store.get(saved.ref), null);
      assert.equal(await access.remove(saved.ref), false);
    }));

  it('treats a record closed before statuses existed as afgehandeld', () =>
    withTempDir(async (dir) => {
      const store = new RecordStore({ dir });
      const saved = await store.create(contact);
      await store.update(saved.ref, { closedAt: '2026-11-01T10:00:00.000Z' });
      assert.equal((await new BureauAccess(store).list())[0]?.status, 'afgehandeld');
    }));

  it('exports with semicolons, Dutch headers, Amsterdam times and a byte-order mark', () => {
    const csv = toExcelCsv([
      {
        ...contact,
        ref: 'CON-ABCDEF',
        createdAt: '2026-07-06T22:30:00.000Z', // summer time: 7 July, 00:30 in Amsterdam
        status: 'in behandeling',
        pickedUpBy: 'Ineke',
      },
    ]);
    assert.ok(csv.startsWith('\uFEFFReferentie;Soort;Ontvangen;Status;Opgepakt door;Naam;'));
    const row = csv.split('\r\n')[1] ?? '';
    assert.match(row, /^CON-ABCDEF;contactverzoek;07-07-2026 00:30;in behandeling;Ineke;/);
    assert.match(row, /;"dinsdag; na 17 uur";/, 'a semicolon in a value is quoted');
    assert.match(row, /;'=SOM\(A1\);/, 'a formula stays text');
    assert.match(row, /;nee;/, 'booleans in Dutch');
    assert.equal(exportFileName(new Date('2026-12-06T23:30:00Z')), 'verzoeken-2026-12-07.csv');
  });
});
