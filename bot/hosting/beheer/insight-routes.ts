import type { Server } from 'restify';
import type { Insight } from '../../services/insight/factory.ts';
import type { KnowledgeService } from '../../services/knowledge/service.ts';
import type { WorkspaceGuard } from './guard.ts';
import { gatherInsight } from './insight-view.ts';
import { insightPage } from './pages/insight-page.ts';
import { messagePage } from './pages/sign-in-page.ts';
import { field, param, query, redirect, sendPage } from './respond.ts';

export interface InsightDeps {
  guard: WorkspaceGuard;
  insight: Insight;
  knowledge: KnowledgeService;
  now: () => Date;
}

const NOTICES: Record<string, string> = {
  afgehandeld: 'De vraag staat nu bij de afgehandelde vragen.',
  open: 'De vraag staat weer bij de open vragen.',
};

export function installInsight(server: Server, deps: InsightDeps): void {
  const { guard, insight, knowledge, now } = deps;
  server.get(
    '/beheer/inzicht',
    guard.staff('inzicht', async (req, res, staff) => {
      const showHandled = query(req, 'vragen') === 'afgehandeld';
      const data = await gatherInsight({
        counts: insight.counts,
        questions: insight.questions,
        sealer: insight.sealer,
        base: knowledge.base,
        now: now(),
        showHandled,
      });
      sendPage(
        res,
        200,
        insightPage({
          data,
          keepsQuestions: insight.questions !== undefined,
          retentionDays: insight.retentionDays,
          showHandled,
          frame: {
            signedIn: { who: staff.who, csrf: staff.session.csrf },
            notice: NOTICES[query(req, 'melding')],
          },
        }),
      );
      return { questions: data.questions.length };
    }),
  );
  server.post(
    '/beheer/inzicht/vragen/:id',
    guard.staff('vraag afhandelen', async (req, res, staff) => {
      const id = param(req.params, 'id');
      const handled = field(req.body, 'afgehandeld') !== 'nee';
      const found = (await insight.questions?.markHandled(id, staff.who, now(), handled)) ?? false;
      if (!found) {
        sendPage(
          res,
          404,
          messagePage(
            'Vraag niet gevonden',
            'Deze vraag is er niet meer: misschien is ze na de bewaartermijn gewist.',
            { href: '/beheer/inzicht', label: 'Naar het inzicht' },
          ),
        );
        return { found: false };
      }
      redirect(
        res,
        `/beheer/inzicht?melding=${handled ? 'afgehandeld' : 'open'}${handled ? '' : '&vragen=afgehandeld'}#vragen`,
      );
      return { found: true, handled };
    }),
  );
}
