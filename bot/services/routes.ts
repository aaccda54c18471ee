import type { Route } from './knowledge/types.ts';

/** The targets a question can reach besides a knowledge entry. A match's target, an
 *  evaluation's expectation and the insight's counts use these names. */
export const ROUTES = {
  course: 'course',
  counsellor: 'counsellor',
  crisis: 'crisis',
  safetyCheck: 'safety-check',
  fallback: 'fallback',
} as const satisfies Record<string, Route>;
