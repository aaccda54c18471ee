import type { BotConfig } from '../config.ts';
import type { KnowledgeService } from '../knowledge/service.ts';
import { describeError, type Logger } from '../logger.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import { addDays, localDay } from '../time/amsterdam.ts';
import { InsightCounts } from './counts.ts';
import { dutchWords } from './dutch-words.ts';
import { QuestionStore } from './questions.ts';
import { InsightRecorder } from './recorder.ts';
import { TextSealer } from './sealed-text.ts';
import { knowledgeVocabulary } from './vocabulary.ts';

/** Day counts hold no text and nobody's identity; they go after about 13 months, so a year
 *  can be compared with the one before. */
export const COUNT_RETENTION_DAYS = 400;

export interface Insight {
  recorder: InsightRecorder;
  counts: InsightCounts;
  /** Undefined when questions are not kept. */
  questions: QuestionStore | undefined;
  sealer: TextSealer | undefined;
  retentionDays: number;
  /** Deletes questions older than INSIGHT_RETENTION_DAYS and counts older than 400 days. */
  purge(now: Date): Promise<{ questions: number; days: number }>;
}

/** Counts always; questions only where someone can read them (the workspace exists) and they
 *  can be sealed (RECORDS_KEY is set): without a key, no question text is stored at all. */
export function createInsight(
  config: Pick<
    BotConfig,
    'workspace' | 'recordsKey' | 'recordsKeyPrevious' | 'insightRetentionDays'
  >,
  documents: DocumentStore,
  knowledge: KnowledgeService,
  logger: Logger,
): Insight {
  const counts = new InsightCounts(documents, (error) =>
    logger.error(describeError(error), 'insight: counts not saved'),
  );
  const keeps = config.workspace !== undefined && config.recordsKey !== undefined;
  const sealer =
    keeps && config.recordsKey
      ? new TextSealer(config.recordsKey, config.recordsKeyPrevious)
      : undefined;
  const questions = sealer ? new QuestionStore(documents) : undefined;
  const recorder = new InsightRecorder({
    counts,
    keeping:
      sealer && questions
        ? {
            store: questions,
            sealer,
            words: dutchWords(),
            vocabulary: () => knowledgeVocabulary(knowledge.base),
          }
        : undefined,
    logger,
  });
  return {
    recorder,
    counts,
    questions,
    sealer,
    retentionDays: config.insightRetentionDays,
    purge: async (now) => {
      const today = localDay(now);
      const removedQuestions = questions
        ? await questions.purgeBefore(addDays(today, -config.insightRetentionDays))
        : 0;
      const days = await counts.purgeBefore(addDays(today, -COUNT_RETENTION_DAYS));
      return { questions: removedQuestions, days };
    },
  };
}
