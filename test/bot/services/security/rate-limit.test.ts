import assert from 'node:assert/strict';
import { RateLimiter } from '../../../../bot/services/security/rate-limit.ts';

describe('rate limiter (token bucket per key, fake clock)', () => {
  it('allows a burst of perMinute, then one per 60/perMinute seconds, per key', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 6, now: () => now });
    const burst = Array.from({ length: 8 }, () => limiter.take('a').allowed);
    assert.deepEqual(burst, [true, true, true, true, true, true, false, false]);
    assert.deepEqual(limiter.take('a'), { allowed: false, retryAfterSeconds: 10 });
    assert.equal(limiter.take('b').allowed, true, 'another key has its own bucket');
    now += 4_000;
    assert.deepEqual(limiter.take('a'), { allowed: false, retryAfterSeconds: 6 });
    now += 6_000;
    assert.equal(limiter.take('a').allowed, true);
    assert.equal(limiter.take('a').allowed, false);
    now += 10 * 60_000;
    assert.equal(
      Array.from({ length: 7 }, () => limiter.take('a').allowed).filter(Boolean).length,
      6,
      'a long pause refills no more than one burst',
    );
  });

  it('keeps a bounded number of keys however many arrive', () => {
    const limiter = new RateLimiter({ perMinute: 10, maxKeys: 100 });
    for (let n = 0; n < 5_000; n += 1) limiter.take(`conversation-${n}`);
    assert.equal(limiter.size, 100);
  });

  it('does not limit at all with perMinute 0', () => {
    const limiter = new RateLimiter({ perMinute: 0 });
    assert.ok(Array.from({ length: 1_000 }, () => limiter.take('a').allowed).every(Boolean));
    assert.equal(limiter.size, 0);
  });
});
