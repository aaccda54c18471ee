import type { Spec } from './schema.ts';

// One schema per file kind: every field of a knowledge file is declared here once. The
// checker validates with them, the loader reads with them, and types.ts infers the engine's
// types from them.

export const MIN_QUESTIONS = 8;
export const PROGRAMME_ITEMS = 5;
/** The version of the entry and example files this engine reads (see knowledge/README.md). */
export const KNOWLEDGE_FORMAT = 2;

export const CHANNEL_TYPES = ['telefoon', 'email', 'website', 'chat', 'adres'] as const;
/** Rules and lowering without `within`: signals count together up to this many words apart. */
export const DEFAULT_WITHIN = 10;
export const DEFAULT_LOWER_WITHIN = 20;

const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const texts = (unit: string) => ({ kind: 'list', item: text, unit }) as const;
const format = { kind: 'version', value: KNOWLEDGE_FORMAT } as const;

const req = <const S extends Spec>(spec: S) => ({ spec, required: true }) as const;
const opt = <const S extends Spec>(spec: S) => ({ spec, required: false }) as const;

export const ENTRY_SCHEMA = {
  kind: 'object',
  fields: {
    id: req(text),
    title: req(text),
    followups: opt(texts('vervolgonderwerpen')),
    updated: req(date),
    format: req(format),
  },
} as const satisfies Spec;

/** voorbeelden/<id>.yaml: the example questions of one entry (or of course or counsellor),
 *  one per line, and the optional keywords. */
export const EXAMPLES_SCHEMA = {
  kind: 'object',
  fields: {
    format: req(format),
    questions: req({ kind: 'lines', example: 'elke vraag op een eigen regel' }),
    keywords: opt({
      kind: 'lines',
      example: "de trefwoorden, met komma's ertussen of elk op een eigen regel",
    }),
  },
} as const satisfies Spec;

export const COURSE_SCHEMA = {
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
} as const satisfies Spec;

export const CONTACTS_SCHEMA = {
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
          type: req({ kind: 'choice', values: CHANNEL_TYPES, fallback: 'website' }),
          label: req(text),
          value: req(text),
          note: opt(text),
        },
      },
    }),
    hours: req(text),
    /** When the bureau answers a contact request ("binnen twee werkdagen"). */
    responseTime: opt(text),
    updated: req(date),
  },
} as const satisfies Spec;

export const SYNONYMS_SCHEMA = {
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
} as const satisfies Spec;

const terms = (unit: string, min = 0) =>
  ({ kind: 'list', item: { kind: 'term' }, min, unit }) as const;
const names = (unit: string, min = 0) => ({ kind: 'list', item: text, min, unit }) as const;
/** How far apart, in words, signals may be and still count together. */
export const MAX_WITHIN = 60;

export const CRISIS_SCHEMA = {
  kind: 'object',
  fields: {
    answer: req(text),
    /** The safety-check question, with the emergency numbers in it. */
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
          within: opt({ kind: 'count', min: 0, max: MAX_WITHIN, default: DEFAULT_WITHIN }),
          then: req({ kind: 'choice', values: ['crisis', 'check'] }),
          /** false: no lowering signal turns this crisis into a check ("ik ben niet veilig"). */
          lowerable: opt({ kind: 'flag', default: true }),
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
          within: opt({ kind: 'count', min: 0, max: MAX_WITHIN, default: DEFAULT_LOWER_WITHIN }),
        },
      },
    }),
    /** Terms whose words never count as a signal ("dood moe", "een mes in de rug"). */
    idioms: opt(terms('uitdrukkingen')),
    updated: req(date),
  },
} as const satisfies Spec;

/** Optional: examples of questions the bot should refuse; see knowledge/README.md. */
export const OUT_OF_SCOPE_SCHEMA = {
  kind: 'object',
  fields: {
    questions: req({ kind: 'list', min: 1, item: text, unit: 'voorbeeldvragen' }),
    updated: opt(date),
  },
} as const satisfies Spec;

/** Optional: where people can go with questions this assistant does not cover. */
export const REFERRALS_SCHEMA = {
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
          /** The whole reply: that this is not the assistant's field, and where to go instead. */
          answer: req(text),
          /** Words and phrases that point here; "*" at the end of a word matches longer forms. */
          terms: req({ kind: 'list', min: 1, item: text, unit: 'woorden' }),
          /** Words that point here even beside the bureau's own words ("phishing" in a mail). */
          always: opt({ kind: 'list', item: text, unit: 'woorden' }),
        },
      },
    }),
    /** Words of the bureau's own field: a question that has one besides a referral's words
     *  is not sent elsewhere by them. */
    ownTerms: req({ kind: 'list', min: 1, item: text, unit: 'woorden' }),
    updated: opt(date),
  },
} as const satisfies Spec;

export const EVAL_ITEM_SCHEMA = {
  kind: 'object',
  fields: { question: req(text), expect: req(text) },
} as const satisfies Spec;

export const EVAL_SCHEMA = {
  kind: 'list',
  item: EVAL_ITEM_SCHEMA,
  min: 1,
  unit: 'vragen',
} as const satisfies Spec;

/** The safety test sets in tests/veiligheid/: crisis, gewoon (ordinary) or twijfel (unclear). */
export const SAFETY_EXPECTS = ['crisis', 'gewoon', 'twijfel'] as const;
export type SafetyExpect = (typeof SAFETY_EXPECTS)[number];

export const SAFETY_EVAL_SCHEMA = {
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
} as const satisfies Spec;
