/**
 * Per-target score arrays reused across queries: the matcher runs synchronously, so one
 * set of typed arrays serves every call and a query allocates almost nothing. Only the
 * targets a query touches are reset.
 */
export class TargetScores {
  readonly best: Float64Array;
  readonly top: Float64Array;
  readonly coverage: Float64Array;
  readonly body: Float64Array;
  readonly chars: Float64Array;
  readonly evidence: Float64Array;
  readonly touched: number[] = [];
  private readonly seen: Uint8Array;

  constructor(targets: number) {
    this.best = new Float64Array(targets);
    this.top = new Float64Array(targets);
    this.coverage = new Float64Array(targets);
    this.body = new Float64Array(targets);
    this.chars = new Float64Array(targets);
    this.evidence = new Float64Array(targets);
    this.seen = new Uint8Array(targets);
  }

  touch(target: number): void {
    if (this.seen[target]) return;
    this.seen[target] = 1;
    this.touched.push(target);
  }

  reset(): void {
    for (const t of this.touched) {
      this.seen[t] = 0;
      this.best[t] = 0;
      this.top[t] = 0;
      this.coverage[t] = 0;
      this.body[t] = 0;
      this.chars[t] = 0;
      this.evidence[t] = 0;
    }
    this.touched.length = 0;
  }
}
