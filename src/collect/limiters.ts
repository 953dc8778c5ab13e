/**
 * Daily capacity of rate limiters, for DG-GATE-009 (a limiter that lets more calls
 * through in a day than an account's registered `dailyQuota`).
 *
 * The collectors record THAT a limiter wraps a DB call (`CallSiteFact.limiter`), not
 * its settings, so this is a best-effort text scan of the limiter constructions in the
 * files of the integration surface (comments blanked first, so a commented-out limiter
 * does not count). Only literal numbers and products/sums of them (`24 * 60 * 60 *
 * 1000`, `1_000`, `5000L`) are evaluated; a limiter built from variables or config is
 * skipped (no fact, no finding). Covered constructions:
 *
 * | library | construction | calls per day |
 * |---|---|---|
 * | Bottleneck (JS) | `new Bottleneck({ minTime, reservoir, reservoirRefreshAmount, reservoirRefreshInterval, reservoirIncreaseAmount, reservoirIncreaseInterval })` | the smallest of 86 400 000 / minTime, refreshAmount × day / refreshInterval, increaseAmount × day / increaseInterval, and a never-refreshed reservoir; `maxConcurrent` alone bounds nothing |
 * | p-throttle (JS) | `pThrottle({ limit, interval })` | limit × day / interval |
 * | axios-rate-limit (JS) | `rateLimit(…, { maxRequests, perMilliseconds })`, `{ maxRPS }` | maxRequests × day / perMilliseconds, maxRPS × 86 400 |
 * | limiter (JS) | `new RateLimiter({ tokensPerInterval, interval })` (ms or "second"/"minute"/"hour"/"day") | tokens × day / interval |
 * | Bucket4j (Java) | `Bandwidth.simple(n, Duration.ofX(k))`, `Refill.greedy/intervally(n, Duration…)`, `.refillGreedy/.refillIntervally(n, Duration…)` | n × day / duration |
 * | Resilience4j (Java) | `limitForPeriod(n)` with `limitRefreshPeriod(Duration…)` nearby | n × day / period |
 * | Guava (Java) | `RateLimiter.create(p)` | p × 86 400 |
 * | ASP.NET (C#) | `PermitLimit = n` with `Window = TimeSpan.FromX(k)` nearby; `TokensPerPeriod = n` with `ReplenishmentPeriod = TimeSpan…` | n × day / window |
 * | Laravel (PHP) | `Limit::perSecond/perMinute/perHour/perDay(n)`, `Limit::perMinutes/perHours(d, n)` | n × day / period |
 * | Flask-Limiter (Python) | `limit("N per [k] second|minute|hour|day")`, `"N/minute"`, `default_limits=[…]` | smallest of the limits |
 * | ratelimit (Python) | `@limits(calls=n, period=s)` | n × 86 400 / s |
 * | x/time/rate (Go) | `rate.NewLimiter(rate.Limit(r), b)`, `rate.NewLimiter(rate.Every(d), b)` | r × 86 400, day / d |
 *
 * Not covered: limits set in config files (Resilience4j `application.yml`, ASP.NET
 * options bound from config), p-limit (concurrency only, no daily bound), limiters
 * shared through a variable defined in another file.
 */
import type { GateLimiterFact, Language } from '../facts/types.js';
import { blankComments, commentSyntaxFor } from './comments.js';
import { lineIndex, unifyLineEndings } from './lines.js';

const DAY_MS = 86_400_000;

interface Hit {
  index: number;
  library: string;
  perDay: number;
  detail: string;
}

/** Limiter facts for one file's text. */
export function scanLimiters(path: string, text: string, language?: Language): GateLimiterFact[] {
  const clean = unifyLineEndings(text);
  const syntax = commentSyntaxFor(language, undefined, path);
  const code = syntax ? blankComments(clean, syntax) : clean;
  const hits: Hit[] = LIBRARIES.flatMap((scan) => scan(code));
  const seen = new Set<string>();
  const out: GateLimiterFact[] = [];
  const position = lineIndex(code);
  for (const h of hits.sort((a, b) => a.index - b.index)) {
    const key = `${h.index}\0${h.library}`;
    if (seen.has(key) || !Number.isFinite(h.perDay) || h.perDay < 0) continue;
    seen.add(key);
    const { line, column } = position(h.index);
    out.push({ file: path, line, column, library: h.library, perDay: h.perDay, detail: h.detail });
  }
  return out;
}

/** Calls per day for `count` calls every `periodMs`, rounded up. */
export function perDay(count: number, periodMs: number): number | undefined {
  if (!Number.isFinite(count) || !Number.isFinite(periodMs) || periodMs <= 0 || count < 0) return undefined;
  return Math.ceil((count * DAY_MS) / periodMs - 1e-9);
}

// ---------------------------------------------------------------------------
// Tiny arithmetic: numbers, + - * / and parentheses. Anything else → undefined.

export function evalNumber(expr: string): number | undefined {
  const src = expr.trim();
  if (src.length === 0 || src.length > 200) return undefined;
  const tokens = src.match(/\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?[lLdDfFmM]?|\.\d+|[-+*/()]|\S/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const num = (t: string): number | undefined => {
    if (!/^(\d|\.\d)/.test(t)) return undefined;
    const n = Number(t.replace(/_/g, '').replace(/[lLdDfFmM]$/, ''));
    return Number.isFinite(n) ? n : undefined;
  };
  const primary = (): number | undefined => {
    const t = tokens[pos++];
    if (t === undefined) return undefined;
    if (t === '(') {
      const v = sum();
      if (tokens[pos++] !== ')') return undefined;
      return v;
    }
    if (t === '-') {
      const v = primary();
      return v === undefined ? undefined : -v;
    }
    return num(t);
  };
  /** A left-associative chain of `next` joined by the operators of `ops`. */
  const chain =
    (next: () => number | undefined, ops: Record<string, (a: number, b: number) => number | undefined>) => (): number | undefined => {
      let v = next();
      while (v !== undefined && Object.hasOwn(ops, peek() ?? '')) {
        const op = ops[tokens[pos++] ?? ''];
        const r = next();
        if (r === undefined || !op) return undefined;
        v = op(v, r);
      }
      return v;
    };
  const product = chain(primary, { '*': (a, b) => a * b, '/': (a, b) => (b === 0 ? undefined : a / b) });
  const sum = chain(product, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const v = sum();
  return pos === tokens.length ? v : undefined;
}

/** The `{…}` starting at or after `from` (nesting and strings respected), or undefined. */
function braceBlock(text: string, from: number, limit = 2000): { body: string; start: number } | undefined {
  const open = text.indexOf('{', from);
  if (open < 0 || open - from > 200) return undefined;
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length && i - open < limit; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { body: text.slice(open + 1, i), start: open + 1 };
  }
  return undefined;
}

/** Top-level `key: value` pairs of an object literal body (values as text). */
function objectProps(body: string): Map<string, string> {
  const props = new Map<string, string>();
  let depth = 0;
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  for (const p of parts) {
    const m = /^\s*['"]?([A-Za-z_$][\w$]*)['"]?\s*:\s*([\s\S]*?)\s*$/.exec(p);
    if (m) props.set(m[1]!, m[2]!);
  }
  return props;
}

const num = (props: Map<string, string>, key: string): number | undefined => {
  const v = props.get(key);
  return v === undefined ? undefined : evalNumber(v);
};

/** The smallest of several daily bounds, with the detail of the one that wins. */
function tightest(bounds: Array<{ perDay: number | undefined; detail: string }>): { perDay: number; detail: string } | undefined {
  let best: { perDay: number; detail: string } | undefined;
  for (const b of bounds) {
    if (b.perDay === undefined) continue;
    if (!best || b.perDay < best.perDay) best = { perDay: b.perDay, detail: b.detail };
  }
  return best;
}

// ---------------------------------------------------------------------------
// JavaScript / TypeScript

function bottleneck(code: string): Hit[] {
  const out: Hit[] = [];
  for (const m of code.matchAll(/\b(?:new\s+)?Bottleneck\s*\(/g)) {
    const block = braceBlock(code, m.index + m[0].length);
    if (!block) continue;
    const p = objectProps(block.body);
    const minTime = num(p, 'minTime');
    const reservoir = num(p, 'reservoir');
    const refreshAmount = num(p, 'reservoirRefreshAmount');
    const refreshInterval = num(p, 'reservoirRefreshInterval');
    const increaseAmount = num(p, 'reservoirIncreaseAmount');
    const increaseInterval = num(p, 'reservoirIncreaseInterval');
    const refreshed = refreshInterval !== undefined || increaseInterval !== undefined;
    const best = tightest([
      { perDay: minTime !== undefined && minTime > 0 ? perDay(1, minTime) : undefined, detail: `minTime ${minTime} ms` },
      {
        perDay: refreshAmount !== undefined && refreshInterval !== undefined ? perDay(refreshAmount, refreshInterval) : undefined,
        detail: `reservoir ${refreshAmount} every ${refreshInterval} ms`,
      },
      {
        perDay: increaseAmount !== undefined && increaseInterval !== undefined ? perDay(increaseAmount, increaseInterval) : undefined,
        detail: `reservoir +${increaseAmount} every ${increaseInterval} ms`,
      },
      { perDay: reservoir !== undefined && !refreshed ? Math.ceil(reservoir) : undefined, detail: `reservoir ${reservoir}, never refreshed` },
    ]);
    if (best) out.push({ index: m.index, library: 'Bottleneck', ...best });
  }
  return out;
}

function pThrottle(code: string): Hit[] {
  const out: Hit[] = [];
  for (const m of code.matchAll(/\bpThrottle\s*\(/g)) {
    const block = braceBlock(code, m.index + m[0].length);
    if (!block) continue;
    const p = objectProps(block.body);
    const limit = num(p, 'limit');
    const interval = num(p, 'interval');
    const d = limit !== undefined && interval !== undefined ? perDay(limit, interval) : undefined;
    if (d !== undefined) out.push({ index: m.index, library: 'p-throttle', perDay: d, detail: `limit ${limit} every ${interval} ms` });
  }
  return out;
}

function axiosRateLimit(code: string): Hit[] {
  const out: Hit[] = [];
  for (const m of code.matchAll(/\b(?:rateLimit|axiosRateLimit)\s*\(/g)) {
    // the options object is the second argument: find the first `{` within the call
    const block = braceBlock(code, m.index + m[0].length, 1000);
    if (!block) continue;
    const p = objectProps(block.body);
    const max = num(p, 'maxRequests');
    const per = num(p, 'perMilliseconds');
    const rps = num(p, 'maxRPS');
    const best = tightest([
      { perDay: max !== undefined && per !== undefined ? perDay(max, per) : undefined, detail: `maxRequests ${max} per ${per} ms` },
      { perDay: rps !== undefined ? perDay(rps, 1000) : undefined, detail: `maxRPS ${rps}` },
    ]);
    if (best) out.push({ index: m.index, library: 'axios-rate-limit', ...best });
  }
  return out;
}

const NAMED_INTERVAL_MS: Record<string, number> = {
  second: 1000,
  sec: 1000,
  minute: 60_000,
  min: 60_000,
  hour: 3_600_000,
  hr: 3_600_000,
  day: DAY_MS,
};

function jsLimiter(code: string): Hit[] {
  const out: Hit[] = [];
  for (const m of code.matchAll(/\bnew\s+RateLimiter\s*\(/g)) {
    const block = braceBlock(code, m.index + m[0].length, 1000);
    if (!block) continue;
    const p = objectProps(block.body);
    const tokens = num(p, 'tokensPerInterval');
    const raw = p.get('interval')?.replace(/^['"`]|['"`]$/g, '');
    const interval = raw === undefined ? undefined : (NAMED_INTERVAL_MS[raw] ?? evalNumber(raw));
    const d = tokens !== undefined && interval !== undefined ? perDay(tokens, interval) : undefined;
    if (d !== undefined) out.push({ index: m.index, library: 'limiter', perDay: d, detail: `${tokens} tokens per ${raw}` });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Durations

const JAVA_UNITS: Record<string, number> = { Days: DAY_MS, Hours: 3_600_000, Minutes: 60_000, Seconds: 1000, Millis: 1 };
const CS_UNITS: Record<string, number> = { Days: DAY_MS, Hours: 3_600_000, Minutes: 60_000, Seconds: 1000, Milliseconds: 1 };

const JAVA_DURATION = String.raw`Duration\.of(Days|Hours|Minutes|Seconds|Millis)\(\s*([^()]*?)\s*\)`;
const CS_TIMESPAN = String.raw`TimeSpan\.From(Days|Hours|Minutes|Seconds|Milliseconds)\(\s*([^()]*?)\s*\)`;

function durationMs(units: Record<string, number>, unit: string | undefined, amount: string | undefined): number | undefined {
  const u = unit === undefined ? undefined : units[unit];
  const a = amount === undefined ? undefined : evalNumber(amount);
  return u === undefined || a === undefined ? undefined : u * a;
}

// ---------------------------------------------------------------------------
// Java

function bucket4j(code: string): Hit[] {
  const out: Hit[] = [];
  const re = new RegExp(
    String.raw`(\bBandwidth\.simple|\bRefill\.(?:greedy|intervally|intervallyAligned)|\.refill(?:Greedy|Intervally|IntervallyAligned))\s*\(\s*([^,()]+?)\s*,\s*${JAVA_DURATION}`,
    'g',
  );
  for (const m of code.matchAll(re)) {
    const n = evalNumber(m[2]!);
    const ms = durationMs(JAVA_UNITS, m[3], m[4]);
    const d = n !== undefined && ms !== undefined ? perDay(n, ms) : undefined;
    if (d !== undefined) {
      out.push({ index: m.index, library: 'Bucket4j', perDay: d, detail: `${m[1]!.replace(/^\./, '')}(${m[2]}, Duration.of${m[3]}(${m[4]}))` });
    }
  }
  return out;
}

function resilience4j(code: string): Hit[] {
  const out: Hit[] = [];
  for (const m of code.matchAll(/\blimitForPeriod\s*\(\s*([^()]+?)\s*\)/g)) {
    const n = evalNumber(m[1]!);
    if (n === undefined) continue;
    const window = code.slice(Math.max(0, m.index - 400), m.index + 400);
    const period = new RegExp(String.raw`limitRefreshPeriod\s*\(\s*${JAVA_DURATION}\s*\)`).exec(window);
    const ms = period ? durationMs(JAVA_UNITS, period[1], period[2]) : undefined;
    const d = ms !== undefined ? perDay(n, ms) : undefined;
    if (d !== undefined) {
      out.push({ index: m.index, library: 'Resilience4j RateLimiter', perDay: d, detail: `limitForPeriod ${m[1]} per Duration.of${period![1]}(${period![2]})` });
    }
  }
  return out;
}

function guava(code: string): Hit[] {
  const out: Hit[] = [];
  for (const m of code.matchAll(/\bRateLimiter\.create\s*\(\s*([^(),]+?)\s*[,)]/g)) {
    const p = evalNumber(m[1]!);
    const d = p !== undefined ? perDay(p, 1000) : undefined;
    if (d !== undefined) out.push({ index: m.index, library: 'Guava RateLimiter', perDay: d, detail: `${m[1]} permits per second` });
  }
  return out;
}

// ---------------------------------------------------------------------------
// C#

function aspNet(code: string): Hit[] {
  const out: Hit[] = [];
  const pairs: Array<[RegExp, string, string]> = [
    [/\bPermitLimit\s*=\s*([^,;}\n]+)/g, 'Window', 'PermitLimit'],
    [/\bTokensPerPeriod\s*=\s*([^,;}\n]+)/g, 'ReplenishmentPeriod', 'TokensPerPeriod'],
  ];
  for (const [re, periodKey, label] of pairs) {
    for (const m of code.matchAll(re)) {
      const n = evalNumber(m[1]!);
      if (n === undefined) continue;
      const window = code.slice(Math.max(0, m.index - 400), m.index + 400);
      const period = new RegExp(String.raw`\b${periodKey}\s*=\s*${CS_TIMESPAN}`).exec(window);
      const ms = period ? durationMs(CS_UNITS, period[1], period[2]) : undefined;
      const d = ms !== undefined ? perDay(n, ms) : undefined;
      if (d !== undefined) {
        out.push({ index: m.index, library: 'ASP.NET RateLimiter', perDay: d, detail: `${label} ${m[1]!.trim()} per TimeSpan.From${period![1]}(${period![2]})` });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// PHP

function laravel(code: string): Hit[] {
  const out: Hit[] = [];
  const single: Record<string, number> = { perSecond: 1000, perMinute: 60_000, perHour: 3_600_000, perDay: DAY_MS };
  for (const m of code.matchAll(/\bLimit::(perSecond|perMinute|perHour|perDay)\s*\(\s*([^(),]+?)\s*[,)]/g)) {
    const n = evalNumber(m[2]!);
    const d = n !== undefined ? perDay(n, single[m[1]!]!) : undefined;
    if (d !== undefined) out.push({ index: m.index, library: 'Laravel RateLimiter', perDay: d, detail: `Limit::${m[1]}(${m[2]})` });
  }
  const multi: Record<string, number> = { perMinutes: 60_000, perHours: 3_600_000 };
  for (const m of code.matchAll(/\bLimit::(perMinutes|perHours)\s*\(\s*([^(),]+?)\s*,\s*([^(),]+?)\s*\)/g)) {
    const decay = evalNumber(m[2]!);
    const n = evalNumber(m[3]!);
    const d = decay !== undefined && n !== undefined ? perDay(n, decay * multi[m[1]!]!) : undefined;
    if (d !== undefined) out.push({ index: m.index, library: 'Laravel RateLimiter', perDay: d, detail: `Limit::${m[1]}(${m[2]}, ${m[3]})` });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Python

const FLASK_UNIT_MS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: DAY_MS };

/** "5000 per day", "10/minute", "100 per 5 minutes"; several separated by `;` or `,`. */
export function flaskLimitPerDay(spec: string): number | undefined {
  let best: number | undefined;
  for (const part of spec.split(/[;,]/)) {
    const m = /^\s*(\d+)\s*(?:\/|per)\s*(\d+)?\s*(second|minute|hour|day)s?\s*$/i.exec(part);
    if (!m) continue;
    const d = perDay(Number(m[1]), Number(m[2] ?? 1) * FLASK_UNIT_MS[m[3]!.toLowerCase()]!);
    if (d !== undefined && (best === undefined || d < best)) best = d;
  }
  return best;
}

function flaskLimiter(code: string): Hit[] {
  const out: Hit[] = [];
  for (const m of code.matchAll(/\b(?:limit|shared_limit)\s*\(\s*(["'])([^"'\n]+)\1/g)) {
    const d = flaskLimitPerDay(m[2]!);
    if (d !== undefined) out.push({ index: m.index, library: 'Flask-Limiter', perDay: d, detail: `"${m[2]}"` });
  }
  for (const m of code.matchAll(/\bdefault_limits\s*=\s*\[([^\]]*)\]/g)) {
    const specs = [...m[1]!.matchAll(/(["'])([^"'\n]+)\1/g)].map((s) => s[2]!);
    const d = flaskLimitPerDay(specs.join(';'));
    if (d !== undefined) out.push({ index: m.index, library: 'Flask-Limiter', perDay: d, detail: `default_limits ${specs.join(', ')}` });
  }
  return out;
}

function pyRatelimit(code: string): Hit[] {
  const out: Hit[] = [];
  for (const m of code.matchAll(/@(?:sleep_and_retry\s*)?limits\s*\(\s*calls\s*=\s*([^,()]+?)\s*,\s*period\s*=\s*([^,()]+?)\s*\)/g)) {
    const calls = evalNumber(m[1]!);
    const period = evalNumber(m[2]!);
    const d = calls !== undefined && period !== undefined ? perDay(calls, period * 1000) : undefined;
    if (d !== undefined) out.push({ index: m.index, library: 'ratelimit', perDay: d, detail: `calls=${m[1]}, period=${m[2]} s` });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Go

const GO_UNITS: Record<string, number> = { Millisecond: 1, Second: 1000, Minute: 60_000, Hour: 3_600_000 };

/** `time.Second`, `5 * time.Minute`, `time.Hour * 24`, `time.Duration(3) * time.Second`. */
function goDurationMs(expr: string): number | undefined {
  const replaced = expr
    .replace(/time\.Duration\s*\(\s*([^()]+)\s*\)/g, '($1)')
    .replace(/time\.(Millisecond|Second|Minute|Hour)\b/g, (_m, u: string) => String(GO_UNITS[u]));
  if (/[A-Za-z]/.test(replaced)) return undefined;
  return evalNumber(replaced);
}

function goRate(code: string): Hit[] {
  const out: Hit[] = [];
  for (const m of code.matchAll(/\brate\.NewLimiter\s*\(\s*rate\.(Limit|Every)\s*\(\s*([^()]*(?:\([^()]*\)[^()]*)*)\s*\)/g)) {
    let d: number | undefined;
    if (m[1] === 'Limit') {
      const r = evalNumber(m[2]!);
      d = r !== undefined ? perDay(r, 1000) : undefined;
    } else {
      const ms = goDurationMs(m[2]!);
      d = ms !== undefined ? perDay(1, ms) : undefined;
    }
    if (d !== undefined) out.push({ index: m.index, library: 'golang.org/x/time/rate', perDay: d, detail: `rate.${m[1]}(${m[2]})` });
  }
  return out;
}

/** One scanner per library (see the table above). */
const LIBRARIES: ReadonlyArray<(code: string) => Hit[]> = [
  bottleneck,
  pThrottle,
  axiosRateLimit,
  jsLimiter,
  bucket4j,
  resilience4j,
  guava,
  aspNet,
  laravel,
  flaskLimiter,
  pyRatelimit,
  goRate,
];
