import type { KnowledgeBase, MatchResult, Alternative, Decision } from '../types.ts';
import type { Calibration, Tuning } from '../tuning.ts';
import { SafetyDetector, type SafetyResult } from '../safety/detector.ts';
import type { SafetyModel } from '../safety/model.ts';
import { MatchIndex, type Candidate } from './index.ts';
import { ReferralIndex } from './referrals.ts';
import { OUT_OF_SCOPE, ROUTE_TITLES, targetTexts } from './targets.ts';

const ALTERNATIVES = 3;
/** A pasted e-mail does not need all of its words to be matched; the safety check reads all. */
const MAX_MATCHED_CHARS = 2000;

const round = (score: number): number => Math.round(score * 1000) / 1000;

/** What the calibration reads from a ranked candidate. */
export interface Evidence {
  raw: number;
  /** Lead over the best other candidate (negative for all but the first). */
  margin: number;
  /** The idf mass of the question's words the target knows. */
  evidence: number;
  /** The share of the question's idf mass the target knows: low when the rest of the
   *  question is about something else ("wanneer zijn de OR-verkiezingen"). */
  coverage: number;
}

export function calibrate(e: Evidence, c: Calibration): number {
  return (
    1 /
    (1 +
      Math.exp(
        -(
          c.bias +
          c.raw * e.raw +
          c.margin * e.margin +
          c.evidence * e.evidence +
          c.coverage * e.coverage
        ),
      ))
  );
}

/** A ranked candidate with what calibration needs: its raw score and its lead on the rest. */
export interface ScoredCandidate extends Evidence {
  target: string;
  title: string;
}

/** Safety first, then the index; the calibrated score decides answer, suggest or fallback. */
export class Matcher {
  readonly index: MatchIndex;
  private readonly safetyDetector: SafetyDetector;
  private readonly tuning: Tuning;
  private readonly referrals: ReferralIndex;

  constructor(base: KnowledgeBase, tuning: Tuning, safetyModel?: SafetyModel) {
    this.tuning = tuning;
    this.referrals = new ReferralIndex(base.referrals);
    this.safetyDetector = new SafetyDetector(base.crisis, safetyModel);
    this.index = new MatchIndex(targetTexts(base), base.synonyms.groups, tuning.weights);
  }

  safety(text: string): SafetyResult {
    return this.safetyDetector.assess(text);
  }

  /** The top candidates with raw scores and margins; used by match() and by explain. */
  candidates(text: string, limit = ALTERNATIVES): ScoredCandidate[] {
    return this.ranked(text, limit).candidates;
  }

  /**
   * The real targets, best first, and whether the out-of-scope examples came before all of
   * them. Margins are taken between real targets only, as the tuner does.
   */
  private ranked(text: string, limit: number): { refused: boolean; candidates: ScoredCandidate[] } {
    const all = this.index.rank(text, Math.max(limit, 2) + 1);
    const refused = this.index.targets[all[0]?.index ?? -1]?.target === OUT_OF_SCOPE;
    const real = all.filter((c) => this.index.targets[c.index]?.target !== OUT_OF_SCOPE);
    const candidates = real.slice(0, limit).map((c, i) => this.scored(c, real, i));
    return { refused, candidates };
  }

  private scored(candidate: Candidate, ranked: Candidate[], position: number): ScoredCandidate {
    const other = position === 0 ? (ranked[1]?.raw ?? 0) : (ranked[0]?.raw ?? 0);
    const target = this.index.targets[candidate.index];
    return {
      target: target?.target ?? 'fallback',
      title: target?.title ?? '',
      raw: candidate.raw,
      margin: candidate.raw - other,
      evidence: candidate.evidence,
      coverage: candidate.coverage,
    };
  }

  /** The top targets with calibrated scores, whatever the decision would be. */
  top(text: string, limit = ALTERNATIVES): Alternative[] {
    return this.ranked(text.slice(0, MAX_MATCHED_CHARS), limit).candidates.map((c) =>
      this.alternative(c),
    );
  }

  private alternative(c: ScoredCandidate): Alternative {
    return {
      target: c.target,
      title: c.title,
      score: round(calibrate(c, this.tuning.calibration)),
    };
  }

  match(text: string): MatchResult {
    const { outcome } = this.safety(text);
    if (outcome === 'crisis') {
      return {
        target: 'crisis',
        score: 1,
        title: ROUTE_TITLES.crisis,
        decision: 'crisis',
        alternatives: [],
      };
    }
    const normal = this.route(text);
    if (outcome === 'check') {
      return {
        target: 'safety-check',
        score: 1,
        title: ROUTE_TITLES['safety-check'],
        decision: 'safety-check',
        alternatives: [],
        afterCheck: normal,
      };
    }
    return normal;
  }

  /** The answer, suggestion or fallback, without the safety check. A fallback says whether the
   *  question is outside the bureau's field (and where to go) or just not understood. */
  route(text: string): MatchResult {
    const matched = text.slice(0, MAX_MATCHED_CHARS);
    const { refused, candidates } = this.ranked(matched, ALTERNATIVES);
    const top = candidates.map((c): Alternative => ({
      target: c.target,
      title: c.title,
      score: round(calibrate(c, this.tuning.calibration)),
    }));
    const best = top[0];
    // A question with a referral's words and none of the bureau's own is outside the field,
    // however close an entry seems ("hoe word ik vertrouwenspersoon" is not the nascholing).
    const found = this.referrals.find(matched);
    const outside = refused || (found !== undefined && !found.ours);
    const decision = outside ? 'fallback' : this.decide(best?.score ?? 0);
    if (!best || decision === 'fallback') {
      // Where to go, when the question is outside the field either way.
      const referral = found && outside ? found.id : undefined;
      return {
        target: 'fallback',
        score: best?.score ?? 0,
        title: ROUTE_TITLES.fallback,
        decision: 'fallback',
        alternatives: [],
        // The closest topics, none good enough to suggest, for a reply that offers them.
        closest: top,
        refusal: outside ? 'elsewhere' : 'unclear',
        ...(referral ? { referral } : {}),
      };
    }
    return { ...best, decision, alternatives: decision === 'suggest' ? top : [] };
  }

  private decide(score: number): Decision {
    const { answer, suggest } = this.tuning.thresholds;
    if (score >= answer) return 'answer';
    return score >= suggest ? 'suggest' : 'fallback';
  }
}
