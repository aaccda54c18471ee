// The registration dialog on its own, through botbuilder-testing's DialogTestClient.
import assert from 'node:assert/strict';
import { ComponentDialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { createLogger } from '../../bot/services/logger.ts';
import { RecordStore } from '../../bot/services/records/record-store.ts';
import { RecordService } from '../../bot/services/records/services.ts';
import { addPrompts } from '../../dialogs/prompts.ts';
import { registrationDialog } from '../../dialogs/registration-dialog.ts';
import { LogCapture } from '../helpers/bot-harness.ts';
import { withTempDir } from '../helpers/tmp.ts';

function harness(store: RecordStore): ComponentDialog {
  const component = new ComponentDialog('registrationHarness');
  const records = new RecordService({
    store,
    mailer: undefined,
    logger: createLogger('silent', new LogCapture()),
  });
  // The first dialog added is the one the component starts.
  component.addDialog(registrationDialog(records, 90));
  addPrompts((dialog) => component.addDialog(dialog));
  return component;
}

async function textOf(client: DialogTestClient, say: string): Promise<string> {
  const reply = (await client.sendActivity(say)) as { text?: string } | undefined;
  return reply?.text ?? '';
}

describe('registration dialog (botbuilder-testing)', () => {
  it('asks again after an invalid e-mail and stores nothing without consent', () =>
    withTempDir(async (dir) => {
      const store = new RecordStore({ dir });
      const client = new DialogTestClient('webchat', harness(store));
      assert.match(await textOf(client, 'hoi'), /Wat is uw naam\?/);
      assert.match(await textOf(client, 'Sam'), /e-mailadres/);
      assert.match(await textOf(client, 'sam at voorbeeld'), /geen geldig e-mailadres/);
      assert.match(await textOf(client, 'sam@voorbeeld.nl'), /organisatie/);
      assert.match(await textOf(client, 'Zorggroep'), /basisopleiding/);
      assert.match(await textOf(client, 'ja, afgerond'), /Mogen wij/);
      assert.match(await textOf(client, 'nee'), /Zonder uw toestemming/);
      assert.equal(client.dialogTurnResult.status, 'complete');
      assert.deepEqual(await store.list(), []);
    }));

  it('shows a summary and stores the record only after "ja"', () =>
    withTempDir(async (dir) => {
      const store = new RecordStore({ dir });
      const client = new DialogTestClient('webchat', harness(store));
      for (const say of ['hoi', 'Sam', 'sam@voorbeeld.nl', 'Zorggroep', 'Nee, nog niet']) {
        await client.sendActivity(say);
      }
      const summary = await textOf(client, 'ja');
      assert.match(summary, /Klopt dit\?[\s\S]*Sam[\s\S]*Nee, nog niet/);
      assert.deepEqual(await store.list(), []);
      assert.match(await textOf(client, 'ja'), /AAN-[2-9A-Z]{6}/);
      const [record] = await store.list();
      assert.equal(record?.fields.email, 'sam@voorbeeld.nl');
    }));
});
