import { CHANNEL_TYPES } from '../types.ts';
import type { Field, Spec } from './schema.ts';

// One schema per file kind. The allowed keys are defined here once; the loader and the
// checker both read them.

export const MIN_QUESTIONS = 8;
export const PROGRAMME_ITEMS = 5;

const text: Spec = { kind: 'text' };
const date: Spec = { kind: 'date' };
const texts = (unit: string): Spec => ({ kind: 'list', item: text, unit });
const questions: Spec = { kind: 'list', item: text, min: MIN_QUESTIONS, unit: 'voorbeeldvragen' };

const req = (spec: Spec): Field => ({ spec, required: true });
const opt = (spec: Spec): Field => ({ spec, required: false });

export const ENTRY_SCHEMA: Spec = {
  kind: 'object',
  fields: {
    id: req(text),
    title: req(text),
    questions: req(questions),
    keywords: opt(texts('trefwoorden')),
    followups: opt(texts('vervolgonderwerpen')),
    updated: req(date),
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
    questions: req(questions),
    keywords: opt(texts('trefwoorden')),
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
    questions: req(questions),
    keywords: opt(texts('trefwoorden')),
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

const regexes = (unit: string): Spec => ({ kind: 'list', item: { kind: 'regex' }, unit });

export const CRISIS_SCHEMA: Spec = {
  kind: 'object',
  fields: {
    answer: req(text),
    phrases: req({ kind: 'list', min: 1, item: text, unit: 'zinnen' }),
    patterns: opt(regexes('patronen')),
    exceptions: opt(regexes('uitzonderingen')),
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

export const EVAL_ITEM_SCHEMA: Spec = {
  kind: 'object',
  fields: { question: req(text), expect: req(text) },
};

export const EVAL_SCHEMA: Spec = { kind: 'list', item: EVAL_ITEM_SCHEMA, min: 1, unit: 'vragen' };
