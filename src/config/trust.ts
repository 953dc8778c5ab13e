/**
 * Who may weaken the gate. The repository's `.dancu-guard.yml` is written by the
 * contractor the gate controls; a **trusted configuration** (`--trusted-config FILE`,
 * the Action's `trusted-config`) is the province's. With one, the repository can only
 * tighten: what it adds to detection applies, what it accepts does not (and is
 * reported). In **PR mode** the base commit's policy inputs apply, and what the change
 * does to them that would loosen the gate becomes a weakening fact (DG-CFG-005).
 *
 * Every key of `schema.json` is in {@link KEY_EFFECTS}, the one table both the
 * combination and the comparison read (docs/security.md prints it).
 */
import type { ExceptionFact, WeakeningFact, WeakeningKind } from '../facts/types.js';
import type { Baseline } from '../findings/baseline.js';
import { severityRank, type Severity } from '../findings/types.js';
import { repoRelative } from './document.js';
import type { Config, ConfigException, LoadedConfig } from './load.js';

/** What a key does to the gate. */
export type KeyEffect =
  /** Tightens: entries add to what is detected (union with the trusted config; removing one loosens). */
  | 'detects'
  /** Loosens: entries accept findings or hide code (trusted config only; adding one loosens). */
  | 'accepts'
  /** `approvedModules`: the first list set switches DG-TOOL-003 on (tightens); more globs widen it (loosen). */
  | 'first-set'
  /** `failOn`: a floor; the strictest applies, raising it loosens. */
  | 'floor'
  /** No effect on findings. */
  | 'neutral';

/** Config list keys, and the `calendar` sub-keys as `calendar.off` / `calendar.work`. */
export type ListKey =
  | 'endpoints'
  | 'soapNamespaces'
  | 'operations'
  | 'sensitiveKeys'
  | 'approvedModules'
  | 'approvedTools'
  | 'loggers'
  | 'limiters'
  | 'portals'
  | 'gateways'
  | 'ignore'
  | 'calendar.off'
  | 'calendar.work';

export type KeyName = ListKey | 'version' | 'failOn' | 'exceptions';

/** Every key of the config and what it does; the weakening kind when it loosens. */
export const KEY_EFFECTS: Record<KeyName, { effect: KeyEffect; kind?: WeakeningKind; why: string }> = {
  version: { effect: 'neutral', why: 'format version' },
  endpoints: { effect: 'detects', kind: 'pattern-removed', why: 'more URLs count as population-DB endpoints' },
  soapNamespaces: { effect: 'detects', kind: 'pattern-removed', why: 'more SOAP namespaces count as the population DB' },
  operations: { effect: 'detects', kind: 'pattern-removed', why: 'more operation names count as DB lookups' },
  sensitiveKeys: { effect: 'detects', kind: 'pattern-removed', why: 'more key names count as credentials' },
  'calendar.off': { effect: 'detects', kind: 'pattern-removed', why: 'fewer working days: a notice must come earlier' },
  approvedModules: {
    effect: 'first-set',
    kind: 'approved-module',
    why: 'set once, DB calls outside it are reported (DG-TOOL-003); every glob added exempts more code',
  },
  approvedTools: { effect: 'accepts', kind: 'approved-tool', why: 'approved tools are not reported as lookup tools' },
  loggers: { effect: 'accepts', kind: 'logger', why: 'any call matching counts as audit logging' },
  limiters: { effect: 'accepts', kind: 'limiter', why: 'any call matching counts as a rate limiter' },
  // A host moved to another tier changes which rules apply to its calls (a gateway taken
  // for a portal escapes the lookup-tool, logging and quota rules): either way it may loosen.
  portals: { effect: 'accepts', kind: 'tier', why: 'hosts matching are portals: bot rules apply to their calls, not lookup-tool, logging or quota rules' },
  gateways: { effect: 'accepts', kind: 'tier', why: 'hosts matching are gateways: their calls count as DB lookups only when they carry lookup fields' },
  ignore: { effect: 'accepts', kind: 'ignore', why: 'ignored paths are not scanned (a `!` re-include scans more: it tightens)' },
  'calendar.work': { effect: 'accepts', kind: 'calendar', why: 'extra working days let a notice come later' },
  exceptions: { effect: 'accepts', kind: 'exception', why: 'findings matching an exception are not reported' },
  failOn: { effect: 'floor', kind: 'fail-on', why: 'the lowest severity that blocks; only the strictest floor applies' },
};

const LIST_KEYS = Object.keys(KEY_EFFECTS).filter(
  (k) => k !== 'version' && k !== 'failOn' && k !== 'exceptions',
) as ListKey[];

function listOf(c: Config, key: ListKey): string[] {
  if (key === 'calendar.off') return c.calendar?.off ?? [];
  if (key === 'calendar.work') return c.calendar?.work ?? [];
  return c[key] ?? [];
}

function keyPathOf(key: ListKey, i?: number): Array<string | number> {
  const base = key.startsWith('calendar.') ? ['calendar', key.slice('calendar.'.length)] : [key];
  return i === undefined ? base : [...base, i];
}

/** An ignore entry that re-includes (`!path`): it makes the scan see more. */
const isReinclude = (p: string) => p.trimStart().startsWith('!');

/** Why a repository value was not applied. */
export type NotAppliedWhy =
  /** A trusted configuration was given: the repository can only tighten. */
  | 'trusted-config'
  /** PR mode without the base commit: no repository acceptance can be trusted. */
  | 'no-base';

/** A repository value the scan did not apply (listed in every report). */
export interface NotApplied {
  kind: WeakeningKind;
  /** Where it is written (repo-relative when inside the root). */
  file: string;
  line: number;
  /** What it says: the key and the entry. */
  what: string;
  why: NotAppliedWhy;
}

/** An exception with the file and line it is written at. */
export interface PlacedException {
  exception: ConfigException;
  file: string;
  line: number;
}

/** The configuration a scan applies. */
export interface EffectiveConfig {
  /** Keys the settings are built from (`mergeSettings`), `ignore` and `calendar` included. */
  config: Config;
  exceptions: PlacedException[];
  /** The strictest `failOn` of the configs applied, if any sets one. */
  failOnFloor?: Severity;
  notApplied: NotApplied[];
  /** The accepting values that do apply, and where they are written (every report lists them). */
  accepting: AcceptingValue[];
}

/** An accepting value in effect: an exception, ignore, approval glob, logger or limiter pattern, extra working day. */
export interface AcceptingValue {
  kind: WeakeningKind;
  file: string;
  line: number;
  what: string;
}

/** The accepting values of one config, where they are written. */
function acceptingOf(root: string, loaded: LoadedConfig | undefined): AcceptingValue[] {
  if (!loaded?.path) return [];
  const c = loaded.config;
  const file = display(root, loaded);
  const line = (path: Array<string | number>) => loaded.lineAt?.(path) ?? 1;
  const out: AcceptingValue[] = [];
  for (const key of LIST_KEYS) {
    const rule = KEY_EFFECTS[key];
    if (rule.effect !== 'accepts' && rule.effect !== 'first-set') continue;
    listOf(c, key).forEach((p, i) => {
      if (!(key === 'ignore' && isReinclude(p))) out.push({ kind: rule.kind!, file, line: line(keyPathOf(key, i)), what: `${key}: ${p}` });
    });
  }
  (c.exceptions ?? []).forEach((e, i) => out.push({ kind: 'exception', file, line: line(['exceptions', i]), what: `exceptions[${i}]: ${describeException(e)}` }));
  return out;
}

function display(root: string, loaded: LoadedConfig | undefined, fallback = '.dancu-guard.yml'): string {
  return loaded?.path ? repoRelative(root, loaded.path) : fallback;
}

function placed(root: string, loaded: LoadedConfig | undefined): PlacedException[] {
  const file = display(root, loaded);
  return (loaded?.config.exceptions ?? []).map((exception, i) => ({ exception, file, line: loaded?.exceptionLines[i] ?? 1 }));
}

export function describeException(e: ConfigException): string {
  return `${e.rule} on ${e.paths.join(', ')} until ${e.expires}`;
}

/** The stricter of a threshold and an optional floor. */
export function stricter(a: Severity | 'none', floor: Severity | undefined): Severity | 'none' {
  return floor !== undefined && severityRank(floor) < severityRank(a) ? floor : a;
}

/**
 * The configuration to apply. Without `restrict`, the repository's as it is. With it
 * (a trusted configuration, or PR mode without the base commit), the repository may
 * only tighten: `detects` keys are added to the trusted ones, `approvedModules` applies
 * only when the trusted config sets none, `failOn` only when stricter, and everything
 * that `accepts` comes from the trusted config alone; the repository's accepting
 * values are listed in `notApplied`.
 */
export function combineConfigs(
  root: string,
  repo: LoadedConfig,
  restrict?: { trusted?: LoadedConfig; why: NotAppliedWhy },
): EffectiveConfig {
  const own = repo.config;
  if (!restrict) {
    return {
      config: own,
      exceptions: placed(root, repo),
      ...(own.failOn ? { failOnFloor: own.failOn } : {}),
      notApplied: [],
      accepting: acceptingOf(root, repo),
    };
  }
  const trusted = restrict.trusted?.config ?? {};
  const file = display(root, repo);
  const line = (path: Array<string | number>) => repo.lineAt?.(path) ?? 1;
  const notApplied: NotApplied[] = [];
  const skip = (kind: WeakeningKind, at: Array<string | number>, what: string) =>
    notApplied.push({ kind, file, line: line(at), what, why: restrict.why });

  const config: Config = {};
  const lists: Partial<Record<ListKey, string[]>> = {};
  for (const key of LIST_KEYS) {
    const mine = listOf(own, key);
    const theirs = listOf(trusted, key);
    const rule = KEY_EFFECTS[key];
    let value: string[];
    if (rule.effect === 'detects') {
      value = [...new Set([...theirs, ...mine])];
    } else if (rule.effect === 'first-set' && theirs.length === 0) {
      value = mine;
    } else if (key === 'ignore') {
      value = [...theirs, ...mine.filter(isReinclude)];
      mine.forEach((p, i) => {
        if (!isReinclude(p)) skip(rule.kind!, keyPathOf(key, i), `ignore: ${p}`);
      });
    } else {
      value = theirs;
      mine.forEach((p, i) => {
        if (!theirs.includes(p)) skip(rule.kind!, keyPathOf(key, i), `${key}: ${p}`);
      });
    }
    if (value.length) lists[key] = value;
  }
  for (const [k, v] of Object.entries(lists) as Array<[ListKey, string[]]>) {
    if (k === 'calendar.off' || k === 'calendar.work') config.calendar = { ...config.calendar, [k.slice(9)]: v };
    else config[k] = v;
  }
  (own.exceptions ?? []).forEach((e, i) => skip('exception', ['exceptions', i], `exceptions[${i}]: ${describeException(e)}`));

  const floor = strictestFloor(trusted.failOn, own.failOn);
  if (own.failOn && floor !== own.failOn) skip('fail-on', ['failOn'], `failOn: ${own.failOn}`);
  if (floor) config.failOn = floor;
  return {
    config,
    exceptions: restrict.trusted ? placed(root, restrict.trusted) : [],
    ...(floor ? { failOnFloor: floor } : {}),
    notApplied,
    accepting: acceptingOf(root, restrict.trusted),
  };
}

type Floor = NonNullable<Config['failOn']>;

function strictestFloor(a?: Floor, b?: Floor): Floor | undefined {
  if (!a) return b;
  if (!b) return a;
  return severityRank(a) <= severityRank(b) ? a : b;
}

/** Exceptions as facts, expiry judged against `today` (an exception applies through its expiry day). */
export function placedExceptionFacts(list: readonly PlacedException[], today: string): ExceptionFact[] {
  return list.map(({ exception: e, file, line }) => ({
    file,
    line,
    rule: e.rule,
    paths: e.paths,
    reason: e.reason,
    expires: e.expires,
    expired: e.expires < today,
  }));
}

// ---------------------------------------------------------------------------------
// PR mode: what a change does to the policy inputs

/**
 * What `head` (the change's config) weakens compared with `base` (the base commit's):
 * an `accepts` entry added, a `detects` entry removed, `approvedModules` widened, a
 * looser `failOn`, an exception not covered by one of the base's (same rule or
 * category, paths among the base's, expiring no later).
 */
export function configWeakenings(root: string, base: LoadedConfig, head: LoadedConfig): WeakeningFact[] {
  const b = base.config;
  const h = head.config;
  const file = display(root, head.path ? head : base);
  const line = (path: Array<string | number>) => (head.path ? head.lineAt?.(path) ?? 1 : 1);
  const out: WeakeningFact[] = [];
  const add = (kind: WeakeningKind, at: Array<string | number>, what: string) => out.push({ kind, file, line: line(at), what });

  for (const key of LIST_KEYS) {
    const rule = KEY_EFFECTS[key];
    const before = listOf(b, key);
    const after = listOf(h, key);
    if (rule.effect === 'detects') {
      for (const p of before) if (!after.includes(p)) add(rule.kind!, keyPathOf(key), `${key}: ${p} removed`);
    } else if (rule.effect === 'first-set' && before.length === 0) {
      continue; // switching DG-TOOL-003 on only tightens
    } else {
      after.forEach((p, i) => {
        if (key === 'ignore' && isReinclude(p)) return;
        if (!before.includes(p)) add(rule.kind!, keyPathOf(key, i), `${key}: ${p}`);
      });
      if (key === 'ignore') {
        for (const p of before) if (isReinclude(p) && !after.includes(p)) add('ignore', keyPathOf(key), `ignore: ${p} removed`);
      }
    }
  }
  if (b.failOn && (!h.failOn || severityRank(h.failOn) > severityRank(b.failOn))) {
    add('fail-on', ['failOn'], `failOn: ${b.failOn} → ${h.failOn ?? '(none)'}`);
  }
  (h.exceptions ?? []).forEach((e, i) => {
    if (!(b.exceptions ?? []).some((old) => covers(old, e))) {
      add('exception', ['exceptions', i], `exceptions[${i}]: ${describeException(e)}`);
    }
  });
  return out;
}

/** `old` already accepted everything `e` accepts, for no longer. */
function covers(old: ConfigException, e: ConfigException): boolean {
  return old.rule.toUpperCase() === e.rule.toUpperCase() && e.paths.every((p) => old.paths.includes(p)) && e.expires <= old.expires;
}

/** The meaningful lines of a gitignore-syntax file, with their line numbers. */
function ignoreLines(text: string | undefined): Array<{ pattern: string; line: number }> {
  if (text === undefined) return [];
  return text
    .split(/\r?\n/)
    .map((l, i) => ({ pattern: l.replace(/^\uFEFF/, '').trim(), line: i + 1 }))
    .filter((l) => l.pattern !== '' && !l.pattern.startsWith('#'));
}

/** `.dancu-guardignore`: a path added, or a `!` re-include removed. */
export function ignoreFileWeakenings(file: string, base: string | undefined, head: string | undefined): WeakeningFact[] {
  const before = ignoreLines(base);
  const after = ignoreLines(head);
  const had = new Set(before.map((l) => l.pattern));
  const has = new Set(after.map((l) => l.pattern));
  const out: WeakeningFact[] = [];
  for (const l of after) {
    if (!isReinclude(l.pattern) && !had.has(l.pattern)) out.push({ kind: 'ignore-file', file, line: l.line, what: `${file}: ${l.pattern}` });
  }
  for (const l of before) {
    if (isReinclude(l.pattern) && !has.has(l.pattern)) out.push({ kind: 'ignore-file', file, line: 1, what: `${file}: ${l.pattern} removed` });
  }
  return out;
}

/** The baseline: entries the change adds (multiset by fingerprint). */
export function baselineWeakenings(file: string, base: Baseline | undefined, head: Baseline, headText: string): WeakeningFact[] {
  const left = new Map<string, number>();
  for (const e of base?.findings ?? []) left.set(e.fingerprint, (left.get(e.fingerprint) ?? 0) + 1);
  const lines = headText.split('\n');
  const out: WeakeningFact[] = [];
  for (const e of head.findings) {
    const n = left.get(e.fingerprint) ?? 0;
    if (n > 0) {
      left.set(e.fingerprint, n - 1);
      continue;
    }
    const at = lines.findIndex((l) => l.includes(e.fingerprint));
    out.push({
      kind: 'baseline',
      file,
      line: at >= 0 ? at + 1 : 1,
      what: `${e.ruleId} ${e.file}:${e.line} (fingerprint ${e.fingerprint.slice(0, 12)})`,
    });
  }
  return out;
}
