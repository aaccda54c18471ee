import { MessageFactory, type CloudAdapter, type ConversationParameters } from 'botbuilder';
import { CHANNEL_SCOPE } from '../bot-framework.ts';
import type { TeamsAlertSettings } from '../../services/config.ts';
import type { RecordMailer } from '../../services/records/mailer.ts';
import type { BureauRecord } from '../../services/records/repository.ts';

// A new request announced in the bureau's own Teams channel: a proactive message from the bot
// (installed in the bureau's team), as a new post in that channel, through the Bot Connector
// service. It names the reference and the kind and links to the workspace; never anything the
// person wrote, because everyone in the channel (and Teams' own history) would see it.

export function alertText(record: Pick<BureauRecord, 'ref' | 'kind'>, link: string | undefined) {
  const what =
    record.kind === 'contact' ? 'Nieuw contactverzoek' : 'Nieuwe aanmelding voor de cursus';
  const where = link
    ? `Bekijk het in de werkplek: ${link}`
    : 'Bekijk het in de werkplek (/beheer).';
  return `${what}: **${record.ref}**. ${where}`;
}

export class TeamsChannelAlert implements RecordMailer {
  private readonly adapter: CloudAdapter;
  private readonly appId: string;
  private readonly settings: TeamsAlertSettings;
  private readonly workspaceUrl: string | undefined;

  constructor(deps: {
    adapter: CloudAdapter;
    appId: string;
    settings: TeamsAlertSettings;
    /** https://BOT_DOMAIN/beheer, when the public host name is known. */
    workspaceUrl: string | undefined;
  }) {
    this.adapter = deps.adapter;
    this.appId = deps.appId;
    this.settings = deps.settings;
    this.workspaceUrl = deps.workspaceUrl;
  }

  async send(record: BureauRecord): Promise<void> {
    const { channelId, serviceUrl, tenantId } = this.settings;
    const link = this.workspaceUrl && `${this.workspaceUrl}/verzoeken/${record.ref}`;
    const parameters: ConversationParameters = {
      isGroup: true,
      bot: { id: this.appId, name: '' },
      members: [],
      topicName: '',
      activity: MessageFactory.text(alertText(record, link)) as ConversationParameters['activity'],
      channelData: {
        channel: { id: channelId },
        ...(tenantId ? { tenant: { id: tenantId } } : {}),
      },
      ...(tenantId ? { tenantId } : {}),
    };
    await this.adapter.createConversationAsync(
      this.appId,
      'msteams',
      serviceUrl,
      CHANNEL_SCOPE,
      parameters,
      () => Promise.resolve(),
    );
  }

  close(): void {
    // Nothing to release: the adapter's connector clients are shared.
  }
}
