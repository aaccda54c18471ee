import { WaterfallDialog } from 'botbuilder-dialogs';
import type { Activity, ConversationState } from 'botbuilder';
import type { RecordRepository } from '../bot/services/records/repository.ts';
import { DIALOG } from './ids.ts';
import { userKey } from './identity.ts';
import { askChoice, pickChoice } from './prompts.ts';
import { CHOICES, FORGET } from './strings.ts';
import { forgottenEvent } from './forgotten.ts';

const inTeams = (activity: Partial<Activity>): boolean => activity.channelId === 'msteams';

export interface ForgetDeps {
  conversationState: ConversationState;
  records: RecordRepository;
}

const OPTIONS = [CHOICES.forgetConfirm, CHOICES.no];

/** "Vergeet mij": asks once, then erases the person's state and records and says what went. */
export function forgetDialog(deps: ForgetDeps): WaterfallDialog {
  return new WaterfallDialog(DIALOG.forget, [
    async (step) => askChoice(step, FORGET.confirm(inTeams(step.context.activity)), OPTIONS),
    async (step) => {
      const choice = pickChoice(String(step.result), OPTIONS);
      if (choice !== CHOICES.forgetConfirm) {
        await step.context.sendActivity(FORGET.kept);
        return step.endDialog();
      }
      const removed = await deps.records.deleteForUser(userKey(step.context.activity));
      await deps.conversationState.delete(step.context);
      const teams = inTeams(step.context.activity);
      await step.context.sendActivity(FORGET.done(removed.registration, removed.contact, teams));
      // The web page starts a new conversation and forgets this one (deploy/web/chat.js);
      // the local Direct Line drops its copy of the messages (bot/hosting/directline).
      if (!teams) await step.context.sendActivity(forgottenEvent());
      return step.endDialog();
    },
  ]);
}
