import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readEvalFile } from '../../bot/services/knowledge/eval/eval-file.ts';
import { allTargets } from '../../bot/services/knowledge/eval/evaluate.ts';
import { KnowledgeService } from '../../bot/services/knowledge/service.ts';
import {
  emptyTally,
  entryTitles,
  outcomeOf,
  tallyOutcome,
  type Tally,
} from '../../dialogs/outcome.ts';
import { memoryLogger, REAL_KNOWLEDGE } from '../bot/services/knowledge/helpers.ts';

// What a person gets as the first reply, measured over whole evaluation files (the router's
// decision, not only the matcher's): floors at the levels measured on 2026-12-06, so a change
// that makes the conversation worse fails. The goals (85 % answered or the right
// topic first, at most 1 % confident wrong, 90 % of near-domain questions refused) are in the
// README with the figures; where a floor is below a goal, the goal is not met yet. Counts
// only: the blind files' questions are never printed.

interface Floor {
  /** Core topics answered or offered first, at least. */
  core?: number;
  /** Confident wrong answers among core topics, at most (a share). */
  wrong?: number;
  /** Out-of-scope questions refused honestly, at least. */
  refused?: number;
}

const FLOORS: Record<string, Floor> = {
  'blind-kern.yaml': { core: 0.92, wrong: 0.03 },
  'blind-buiten.yaml': { refused: 0.88 },
  // Written by team members who never saw the code or the word lists; measured once merged.
  'blind-gesprek-kern.yaml': { core: 0.92, wrong: 0.01 },
  'blind-gesprek-buiten.yaml': { refused: 0.9 },
  'tune-buiten.yaml': { refused: 0.95 },
  'tune-buiten-2.yaml': { core: 0.95, wrong: 0.01, refused: 0.95 },
  'tune.yaml': { core: 0.95, wrong: 0.01, refused: 0.95 },
  'tune-2.yaml': { core: 0.95, wrong: 0.01, refused: 0.9 },
  'tune-3.yaml': { core: 0.94, wrong: 0.01, refused: 0.95 },
  'tune-4.yaml': { core: 0.93, wrong: 0.01, refused: 0.95 },
  'tune-5.yaml': { core: 0.9, wrong: 0.01, refused: 0.95 },
};

describe('whole conversations: the first reply to each evaluation question', () => {
  let knowledge: KnowledgeService;
  before(async () => {
    knowledge = await KnowledgeService.open({ dir: REAL_KNOWLEDGE, logger: memoryLogger() });
  });

  async function measure(name: string): Promise<{ core: Tally; outside: Tally }> {
    const { items } = await readEvalFile(
      join(REAL_KNOWLEDGE, 'tests', name),
      allTargets(knowledge.base.entries.keys()),
    );
    const titles = entryTitles(knowledge);
    const core = emptyTally();
    const outside = emptyTally();
    for (const item of items) {
      if (item.expect === 'crisis') continue;
      const got = outcomeOf(knowledge, titles, item.question);
      tallyOutcome(item.expect === 'fallback' ? outside : core, item.expect, got);
    }
    return { core, outside };
  }

  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`knowledge/tests/${name}: ${JSON.stringify(floor)}`, async () => {
      const { core, outside } = await measure(name);
      const share = (n: number, of: number) => n / Math.max(1, of);
      if (floor.core !== undefined) {
        const got = share(core.answeredRight + core.offeredRight, core.total);
        assert.ok(got >= floor.core, `answered or offered first: ${got.toFixed(3)}`);
      }
      if (floor.wrong !== undefined) {
        const got = share(core.confidentWrong, core.total);
        assert.ok(got <= floor.wrong, `confident wrong: ${got.toFixed(3)}`);
      }
      if (floor.refused !== undefined) {
        const got = share(outside.refused, outside.total);
        assert.ok(got >= floor.refused, `refused honestly: ${got.toFixed(3)}`);
      }
    });
  }
});
