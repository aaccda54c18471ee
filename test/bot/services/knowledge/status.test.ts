import assert from 'node:assert/strict';
import { goLiveWarnings } from '../../../../bot/services/knowledge/go-live.ts';
import { KnowledgeService } from '../../../../bot/services/knowledge/service.ts';
import { copyFixture, edit, memoryLogger, removeDir } from './helpers.ts';

// What the workspace's "Kennisbank" page shows: the loaded version with its hash, why the last
// edit did not load, and what must be settled before going live.

describe('knowledge status and go-live warnings', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await copyFixture();
  });
  afterEach(() => removeDir(dir));

  it('keeps the version and says why a broken edit did not load', async () => {
    const service = await KnowledgeService.open({ dir, logger: memoryLogger() });
    const first = service.status();
    assert.match(first.hash, /^[0-9a-f]{12}$/);
    assert.equal(first.lastReload, undefined);

    await edit(dir, 'entries/geheimhouding.md', 'id: geheimhouding', 'id: [kapot');
    assert.equal((await service.reload()).ok, false);
    const failed = service.status();
    assert.equal(failed.hash, first.hash, 'the previous version stays loaded');
    assert.equal(failed.lastReload?.ok, false);
    assert.ok((failed.lastReload?.problems.length ?? 0) > 0);
    assert.equal(failed.lastReload?.problems[0]?.file, 'entries/geheimhouding.md');

    await edit(dir, 'entries/geheimhouding.md', 'id: [kapot', 'id: geheimhouding');
    await edit(
      dir,
      'voorbeelden/geheimhouding.yaml',
      'Blijft wat ik vertel geheim?',
      'Blijft dit geheim?',
    );
    assert.equal((await service.reload()).ok, true);
    assert.notEqual(service.status().hash, first.hash, 'new content, new hash');
    assert.equal(service.status().lastReload?.ok, true);
  });

  it('lists TE_VULLEN fields, "Controleren vóór livegang" notes and long answers', async () => {
    await edit(
      dir,
      'entries/geheimhouding.md',
      'title: Blijft mijn verhaal vertrouwelijk?',
      'title: Blijft mijn verhaal vertrouwelijk?\n# Controleren vóór livegang: de termijn\n# van de wet.',
    );
    const service = await KnowledgeService.open({ dir, logger: memoryLogger() });
    const warnings = await goLiveWarnings(dir, service.base);
    const placeholders = warnings.filter((w) => w.kind === 'te-vullen');
    assert.ok(
      placeholders.some(
        (w) => w.file === 'contacts.yaml' && w.message.startsWith('value van "Bellen"'),
      ),
    );
    assert.ok(placeholders.some((w) => w.file === 'course.yaml' && w.message.startsWith('dates')));
    const notes = warnings.filter((w) => w.kind === 'controleren');
    assert.deepEqual(
      notes.map((w) => [w.file, w.line, w.message]),
      [['entries/geheimhouding.md', 4, 'de termijn van de wet.']],
    );
  });
});
