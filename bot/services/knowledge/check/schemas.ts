import { CHANNEL_TYPES } from '../types.ts';
import type { Field, Spec } from './schema.ts';

// One schema per file kind. The allowed keys are defined here once; the loader and the
// checker both read them.

export const MIN_QUESTIONS = 8;
export const PROGRAMME_ITEMS = 5;
/** The version of the entry and example files this engine reads (see knowledge/README.md). */
export const KNOWLEDGE_FORMAT = 2;

const text: Spec = { kind: 'text' };
const date: Spec = { kind: 'date' };
const texts = (unit: string): Spec => ({ kind: 'list', item: text, unit });
const format: Spec = { kind: 'version', value: KNOWLEDGE_FORMAT };

const req = (spec: Spec): Field => ({ spec, required: true });
const opt = (spec: Spec): Field => ({ spec, required: false });

export const ENTRY_SCHEMA: Spec = {
  kind: 'object',
  fields: {
    id: req(text),
    title: req(text),
    followups: opt(texts('vervolgonderwerpen')),
    updated: req(date),
    format: req(format),
  },
};

/** voorbeelden/<id>.yaml: the example questions of one entry (or of course or counsellor),
 *  one per line, and the optional keywords. */
export const EXAMPLES_SCHEMA: Spec = {
  kind: 'object',
  fields: {
    format: req(format),
    questions: req({ kind: 'lines', example: 'elke vraag op een eigen regel' }),
    keywords: opt({
      kind: 'lines',
      example: "de trefwoorden, met komma's ertussen of elk op een eigen regel",
    }),
  },
};

export const COURSE_SCHEMA: Spec = {
  kind: 'object',
  fields: {
    title: req(text),
    summary: req(text),
    why: req(text),
    targetGroup: req(text),
    programme: req({
      kind: 'list',
      exact: PROGRAMME_ITEMS,
      unit: 'programmaonderdelen',
      item: { kind: 'object', fields: { title: req(text), description: req(text) } },
    }),
    homework: req(text),
    dates: req({ kind: 'textOrList', item: text, unit: 'data' }),
    location: req(text),
    price: req(text),
    registration: req(text),
    followups: opt(texts('vervolgonderwerpen')),
    updated: req(date),
  },
};

export const CONTACTS_SCHEMA: Spec = {
  kind: 'object',
  fields: {
    intro: req(text),
    channels: req({
      kind: 'list',
      min: 1,
      unit: 'kanalen',
      item: {
        kind: 'object',
        fields: {
          type: req({ kind: 'choice', values: CHANNEL_TYPES }),
          label: req(text),
          value: req(text),
          note: opt(text),
        },
      },
    }),
    hours: req(text),
    responseTime: opt(text),
    updated: req(date),
  },
};

export const SYNONYMS_SCHEMA: Spec = {
  kind: 'object',
  fields: {
    groups: req({
      kind: 'list',
      unit: 'groepen',
      item: {
        kind: 'object',
        fields: {
          term: req(text),
          variants: req({ kind: 'list', min: 1, item: text, unit: 'varianten' }),
        },
      },
    }),
    updated: opt(date),
  },
};

const terms = (unit: string, min = 0): Spec => ({
  kind: 'list',
  item: { kind: 'term' },
  min,
  unit,
});
const names = (unit: string, min = 0): Spec => ({ kind: 'list', item: text, min, unit });
/** How far apart, in words, signals may be and still count together. */
export const MAX_WITHIN = 60;

export const CRISIS_SCHEMA: Spec = {
  kind: 'object',
  fields: {
    answer: req(text),
    check: req(text),
    signals: req({
      kind: 'list',
      min: 1,
      unit: 'signalen',
      item: {
        kind: 'object',
        fields: { name: req(text), meaning: req(text), terms: req(terms('termen', 1)) },
      },
    }),
    rules: req({
      kind: 'list',
      min: 1,
      unit: 'regels',
      item: {
        kind: 'object',
        fields: {
          when: req(names('signalen', 1)),
          within: opt({ kind: 'count', min: 0, max: MAX_WITHIN }),
          then: req({ kind: 'choice', values: ['crisis', 'check'] }),
          lowerable: opt({ kind: 'flag' }),
        },
      },
    }),
    lowering: req({
      kind: 'list',
      min: 1,
      unit: 'verlagingen',
      item: {
        kind: 'object',
        fields: {
          signals: req(names('signalen', 1)),
          unless: opt(names('signalen')),
          within: opt({ kind: 'count', min: 0, max: MAX_WITHIN }),
        },
      },
    }),
    idioms: opt(terms('uitdrukkingen')),
    updated: req(date),
  },
};

/** Optional: examples of questions the bot should refuse; see knowledge/README.md. */
export const OUT_OF_SCOPE_SCHEMA: Spec = {
  kind: 'object',
  fields: {
    questions: req({ kind: 'list', min: 1, item: text, unit: 'voorbeeldvragen' }),
    updated: opt(date),
  },
};

/** Optional: where people can go with questions this assistant does not cover. */
export const REFERRALS_SCHEMA: Spec = {
  kind: 'object',
  fields: {
    referrals: req({
      kind: 'list',
      min: 1,
      unit: 'verwijzingen',
      item: {
        kind: 'object',
        fields: {
          id: req(text),
          answer: req(text),
          terms: req({ kind: 'list', min: 1, item: text, unit: 'woorden' }),
          always: opt({ kind: 'list', item: text, unit: 'woorden' }),
        },
      },
    }),
    ownTerms: req({ kind: 'list', min: 1, item: text, unit: 'woorden' }),
    updated: opt(date),
  },
};

export const EVAL_ITEM_SCHEMA: Spec = {
  kind: 'object',
  fields: { question: req(text), expect: req(text) },
};

export const EVAL_SCHEMA: Spec = { kind: 'list', item: EVAL_ITEM_SCHEMA, min: 1, unit: 'vragen' };

/** The safety test sets in tests/veiligheid/: crisis, gewoon (ordinary) or twijfel (unclear). */
export const SAFETY_EXPECTS = ['crisis', 'gewoon', 'twijfel'] as const;
export type SafetyExpect = (typeof SAFETY_EXPECTS)[number];

export const SAFETY_EVAL_SCHEMA: Spec = {
  kind: 'list',
  min: 1,
  unit: 'berichten',
  item: {
    kind: 'object',
    fields: {
      question: req(text),
      expect: req({ kind: 'choice', values: SAFETY_EXPECTS }),
      kind: opt(text),
      style: opt(text),
    },
  },
};
