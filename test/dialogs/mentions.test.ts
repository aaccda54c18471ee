import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { shouldRespond, textWithoutMentions } from '../../dialogs/mentions.ts';

// Recorded-shape Teams payloads: a channel message and a group chat message, both with the
// bot @mentioned the way Teams sends it ("<at>Name</at>" in the text, a mention entity).

function fixture(name: string): Partial<Activity> {
  const url = new URL(`../fixtures/teams/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Partial<Activity>;
}

const channel = () => fixture('channel-message-mention');
const groupChat = () => fixture('groupchat-message-mentions');

describe('Teams mentions', () => {
  it('answers a channel message that @mentions the bot, without the mention in the text', () => {
    const activity = channel();
    assert.equal(shouldRespond(activity), true);
    assert.equal(textWithoutMentions(activity), "Mijn collega's pesten mij in de groepsapp");
    assert.match(activity.text ?? '', /^<at>Vertrouwensbot<\/at>/, 'the activity is unchanged');
  });

  it('stays silent in a channel when the bot is not mentioned', () => {
    const plain = { ...channel(), text: 'Wie heeft de notulen?', entities: [] };
    assert.equal(shouldRespond(plain), false);
    const other = groupChat();
    other.entities = (other.entities ?? []).filter(
      (e) => (e as { text?: string }).text !== '<at>Vertrouwensbot</at>',
    );
    assert.equal(shouldRespond(other), false, 'a mention of a colleague is not a mention of us');
  });

  it('in a group chat keeps a colleague’s name but drops the bot mention', () => {
    const activity = groupChat();
    assert.equal(shouldRespond(activity), true);
    assert.equal(textWithoutMentions(activity), 'wat doe ik als Sanne steeds na werktijd appt?');
  });

  it('always answers in a one-to-one chat and in the web widget', () => {
    const personal = channel();
    personal.conversation = { ...personal.conversation!, conversationType: 'personal' };
    personal.entities = [];
    personal.text = 'Wat kost de cursus?';
    assert.equal(shouldRespond(personal), true);
    assert.equal(textWithoutMentions(personal), 'Wat kost de cursus?');

    const web = { ...personal, channelId: 'directline', conversation: undefined };
    assert.equal(shouldRespond(web), true);
  });

  it('lets non-message activities through (the bot decides about those)', () => {
    const update = { ...channel(), type: 'conversationUpdate', text: undefined, entities: [] };
    assert.equal(shouldRespond(update), true);
  });
});
