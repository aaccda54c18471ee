import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exampleLine } from '../../../../bot/hosting/beheer/insight-view.ts';
import { checkKnowledgeDir } from '../../../../bot/services/knowledge/check/check-all.ts';
import { KnowledgeService } from '../../../../bot/services/knowledge/service.ts';
import { copyFixture, edit, memoryLogger, removeDir } from '../../services/knowledge/helpers.ts';

// The insight page offers each kept question as a line to paste under `questions:` in the
// file of the closest topic. Pasted as it is, the line must give exactly that question.

describe('the paste line of a kept question', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await copyFixture();
  });
  afterEach(() => removeDir(dir));

  it('in voorbeelden/: one plain line, whatever the question holds', async () => {
    const question = 'Vraag: mag [naam] "zomaar" #delen, of niet?';
    const line = exampleLine('voorbeelden/geheimhouding.yaml', `${question}\n`);
    assert.equal(line, `  ${question}`);
    await edit(dir, 'voorbeelden/geheimhouding.yaml', 'questions: |\n', `questions: |\n${line}\n`);
    assert.deepEqual((await checkKnowledgeDir(dir)).diagnostics, []);
    const service = await KnowledgeService.open({ dir, logger: memoryLogger() });
    assert.ok(service.base.entries.get('geheimhouding')?.questions.includes(question));
  });

  it('in out-of-scope.yaml: a list item, quoted where YAML needs it', async () => {
    const question = 'Vraag: hoe laat gaat de kantine open?';
    const line = exampleLine('out-of-scope.yaml', question);
    await writeFile(join(dir, 'out-of-scope.yaml'), `questions:\n${line}\n`);
    const service = await KnowledgeService.open({ dir, logger: memoryLogger() });
    assert.deepEqual(service.base.outOfScope, [question]);
  });
});
