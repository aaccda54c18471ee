// The whole bot on a recorded Teams channel message: it answers only when @mentioned, and
// the mention is not part of what it matches.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Activity } from 'botbuilder';
import { createHarness, rendered, type Harness } from '../helpers/bot-harness.ts';
import { makeTempDir } from '../helpers/tmp.ts';

const recorded = JSON.parse(
  readFileSync(new URL('../fixtures/teams/channel-message-mention.json', import.meta.url), 'utf8'),
) as Partial<Activity>;

describe('Teams channel messages', () => {
  let dataDir: string;
  let h: Harness;
  beforeEach(async () => {
    dataDir = await makeTempDir();
    h = await createHarness({
      dataDir,
      channelId: 'msteams',
      conversationType: 'channel',
      botId: recorded.recipient?.id ?? '',
    });
  });
  afterEach(async () => {
    await h.parts.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers a message that @mentions the bot, matching the text without the mention', async () => {
    await h.adapter.processActivity({ ...recorded });
    const all = h.adapter.activeQueue.map(rendered).join('\n');
    assert.match(all, /Hoe kan ik u helpen\?/);
    assert.match(all, /Digitaal pesten/i);
  });

  it('stays silent in a channel when it is not mentioned', async () => {
    const unmentioned: Partial<Activity> = {
      ...recorded,
      text: "Mijn collega's pesten mij in de groepsapp",
      entities: (recorded.entities ?? []).filter((e) => e.type !== 'mention'),
    };
    await h.adapter.processActivity(unmentioned);
    assert.deepEqual(h.adapter.activeQueue, []);
  });
});
