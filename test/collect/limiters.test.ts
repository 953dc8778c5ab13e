/**
 * Daily capacity of rate limiters (DG-GATE-009): the constructions the text scan
 * understands, in each language, and what it deliberately skips.
 */
import { describe, expect, it } from 'vitest';
import { evalNumber, flaskLimitPerDay, perDay, scanLimiters } from '../../src/collect/limiters.js';

const one = (path: string, text: string, language?: Parameters<typeof scanLimiters>[2]) =>
  scanLimiters(path, text, language).map(({ library, perDay: d, line }) => ({ library, perDay: d, line }));

describe('arithmetic', () => {
  it('evaluates literal products and sums, nothing else', () => {
    expect(evalNumber('24 * 60 * 60 * 1000')).toBe(86_400_000);
    expect(evalNumber('1_000')).toBe(1000);
    expect(evalNumber('5000L')).toBe(5000);
    expect(evalNumber('(2 + 3) * 2 - 1')).toBe(9);
    expect(evalNumber('0.5')).toBe(0.5);
    expect(evalNumber('DAY_MS')).toBeUndefined();
    expect(evalNumber('1000 / 0')).toBeUndefined();
    expect(evalNumber('')).toBeUndefined();
    expect(perDay(5000, 86_400_000)).toBe(5000);
    expect(perDay(1, 350)).toBe(246_858);
    expect(perDay(1, 0)).toBeUndefined();
  });
});

describe('JavaScript / TypeScript', () => {
  it('Bottleneck: the tightest of minTime, reservoir refresh and increase', () => {
    const src = `import Bottleneck from 'bottleneck';
const limiter = new Bottleneck({
  maxConcurrent: 1,
  minTime: 200,
  reservoir: 5000,
  reservoirRefreshAmount: 5000,
  reservoirRefreshInterval: 24 * 60 * 60 * 1000,
});`;
    expect(scanLimiters('src/a.ts', src, 'typescript')).toEqual([
      { file: 'src/a.ts', line: 2, column: 17, library: 'Bottleneck', perDay: 5000, detail: 'reservoir 5000 every 86400000 ms' },
    ]);
    expect(one('a.ts', 'const l = new Bottleneck({ maxConcurrent: 1, minTime: 350 });')).toEqual([{ library: 'Bottleneck', perDay: 246_858, line: 1 }]);
    expect(one('a.ts', 'const l = new Bottleneck({ reservoir: 100 });')).toEqual([{ library: 'Bottleneck', perDay: 100, line: 1 }]);
    expect(one('a.ts', 'const l = new Bottleneck({ reservoirIncreaseAmount: 10, reservoirIncreaseInterval: 60000, reservoirIncreaseMaximum: 100 });')).toEqual([
      { library: 'Bottleneck', perDay: 14_400, line: 1 },
    ]);
  });

  it('skips what bounds nothing per day, what is not literal, and comments', () => {
    expect(one('a.ts', 'const l = new Bottleneck({ maxConcurrent: 2 });')).toEqual([]);
    expect(one('a.ts', 'const l = new Bottleneck({ minTime: cfg.minTime });')).toEqual([]);
    expect(one('a.ts', '// const l = new Bottleneck({ minTime: 1 });\n/* new Bottleneck({ minTime: 1 }) */', 'typescript')).toEqual([]);
    expect(one('a.ts', "import pLimit from 'p-limit';\nconst limit = pLimit(2);")).toEqual([]);
  });

  it('p-throttle, axios-rate-limit and limiter', () => {
    expect(one('a.js', 'const t = pThrottle({ limit: 2, interval: 1000 });')).toEqual([{ library: 'p-throttle', perDay: 172_800, line: 1 }]);
    expect(one('a.js', 'const http = rateLimit(axios.create(), { maxRequests: 5, perMilliseconds: 60000 });')).toEqual([
      { library: 'axios-rate-limit', perDay: 7200, line: 1 },
    ]);
    expect(one('a.js', 'const http = rateLimit(axios.create(), { maxRPS: 1 });')).toEqual([{ library: 'axios-rate-limit', perDay: 86_400, line: 1 }]);
    expect(one('a.js', "const l = new RateLimiter({ tokensPerInterval: 4000, interval: 'day' });")).toEqual([{ library: 'limiter', perDay: 4000, line: 1 }]);
  });
});

describe('Java', () => {
  it('Bucket4j', () => {
    expect(one('A.java', 'Bandwidth limit = Bandwidth.simple(5000, Duration.ofDays(1));', 'java')).toEqual([{ library: 'Bucket4j', perDay: 5000, line: 1 }]);
    expect(one('A.java', 'Bandwidth.classic(100, Refill.greedy(10, Duration.ofMinutes(1)))', 'java')).toEqual([{ library: 'Bucket4j', perDay: 14_400, line: 1 }]);
    expect(one('A.java', 'Bandwidth.builder().capacity(50).refillIntervally(300, Duration.ofHours(1)).build()', 'java')).toEqual([
      { library: 'Bucket4j', perDay: 7200, line: 1 },
    ]);
  });

  it('Resilience4j and Guava', () => {
    const r4j = `RateLimiterConfig config = RateLimiterConfig.custom()
    .limitRefreshPeriod(Duration.ofSeconds(1))
    .limitForPeriod(1)
    .timeoutDuration(Duration.ofMillis(500))
    .build();`;
    expect(one('A.java', r4j, 'java')).toEqual([{ library: 'Resilience4j RateLimiter', perDay: 86_400, line: 3 }]);
    expect(one('A.java', 'RateLimiter limiter = RateLimiter.create(0.05); // 1 every 20 s', 'java')).toEqual([
      { library: 'Guava RateLimiter', perDay: 4320, line: 1 },
    ]);
  });
});

describe('C#, PHP, Python, Go', () => {
  it('ASP.NET rate limiting', () => {
    const fixed = `builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("dancu", opt => {
    opt.PermitLimit = 200;
    opt.Window = TimeSpan.FromHours(1);
}));`;
    expect(one('Program.cs', fixed, 'csharp')).toEqual([{ library: 'ASP.NET RateLimiter', perDay: 4800, line: 2 }]);
    const bucket = 'new TokenBucketRateLimiterOptions { TokenLimit = 10, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(30) }';
    expect(one('Program.cs', bucket, 'csharp')).toEqual([{ library: 'ASP.NET RateLimiter', perDay: 2880, line: 1 }]);
  });

  it('Laravel', () => {
    expect(one('a.php', "RateLimiter::for('dancu', fn () => Limit::perDay(5000));", 'php')).toEqual([{ library: 'Laravel RateLimiter', perDay: 5000, line: 1 }]);
    expect(one('a.php', "RateLimiter::for('dancu', fn () => Limit::perMinute(10)->by('x'));", 'php')).toEqual([
      { library: 'Laravel RateLimiter', perDay: 14_400, line: 1 },
    ]);
    expect(one('a.php', 'return Limit::perMinutes(5, 10);', 'php')).toEqual([{ library: 'Laravel RateLimiter', perDay: 2880, line: 1 }]);
  });

  it('Flask-Limiter and ratelimit', () => {
    expect(flaskLimitPerDay('200 per day; 50 per hour')).toBe(200);
    expect(flaskLimitPerDay('10/minute')).toBe(14_400);
    expect(flaskLimitPerDay('100 per 5 minutes')).toBe(28_800);
    expect(flaskLimitPerDay('lots')).toBeUndefined();
    expect(one('app.py', '@limiter.limit("3000 per day")\ndef tra_cuu():\n    pass', 'python')).toEqual([{ library: 'Flask-Limiter', perDay: 3000, line: 1 }]);
    expect(one('app.py', 'limiter = Limiter(get_remote_address, app=app, default_limits=["200 per day", "50 per hour"])', 'python')).toEqual([
      { library: 'Flask-Limiter', perDay: 200, line: 1 },
    ]);
    expect(one('app.py', '# @limits(calls=1, period=1)\n@sleep_and_retry\n@limits(calls=15, period=900)\ndef f(): pass', 'python')).toEqual([
      { library: 'ratelimit', perDay: 1440, line: 3 },
    ]);
  });

  it('Go x/time/rate', () => {
    expect(one('main.go', 'lim := rate.NewLimiter(rate.Limit(2), 1)', 'go')).toEqual([{ library: 'golang.org/x/time/rate', perDay: 172_800, line: 1 }]);
    expect(one('main.go', 'lim := rate.NewLimiter(rate.Every(30*time.Second), 1)', 'go')).toEqual([{ library: 'golang.org/x/time/rate', perDay: 2880, line: 1 }]);
    expect(one('main.go', 'lim := rate.NewLimiter(rate.Every(interval), 1)', 'go')).toEqual([]);
  });
});
