/**
 * The errors a user can cause or fix, and the messages lower layers raise without
 * knowing the language. A message is a key of the one table (src/report/i18n-errors.ts,
 * part of src/report/i18n.ts) with parameters; a parameter may itself be a message (a
 * word such as "configuration file" is a key too), so nothing English ends up inside a
 * Vietnamese sentence. An error built with `.of(key, params)` keeps its English text as
 * `.message` (logs, tests) and carries the message, which the printer renders in the
 * user's language (`describeError`).
 */
import { ERROR_MESSAGES } from '../report/i18n-errors.js';

export type ErrorKey = keyof typeof ERROR_MESSAGES;
/** The words used as parameters ("config", "lock file"…). */
export type NounKey = Extract<ErrorKey, `noun.${string}`>;
type MessageLang = 'en' | 'vi';
/** A parameter: a value (a path, a code, a number), a nested message, or a list of messages (one a line). */
export type Param = string | number | Message | readonly Message[];
export type Params = Readonly<Record<string, Param>>;

export class Message {
  constructor(
    readonly key: ErrorKey,
    readonly params: Params = {},
  ) {}

  /** The message in a language (English by default). */
  render(lang: MessageLang = 'en'): string {
    const entry = ERROR_MESSAGES[this.key] as { en: string; vi: string } | undefined;
    if (!entry) return this.key;
    return entry[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(name in this.params)) return whole;
      return renderParam(this.params[name]!, lang);
    });
  }

  toString(): string {
    return this.render('en');
  }

  /** The same message with every text parameter (at any depth) passed through `fn`. */
  mapText(fn: (s: string) => string): Message {
    const map = (p: Param): Param =>
      typeof p === 'string' ? fn(p) : p instanceof Message ? p.mapText(fn) : Array.isArray(p) ? (p as readonly Message[]).map((m) => m.mapText(fn)) : p;
    return new Message(this.key, Object.fromEntries(Object.entries(this.params).map(([k, v]) => [k, map(v)])));
  }

  /** A message that crossed a structured clone (a worker thread) as plain data. */
  static revive(data: unknown): Message | undefined {
    if (!data || typeof data !== 'object') return undefined;
    const { key, params } = data as { key?: unknown; params?: unknown };
    if (typeof key !== 'string' || !(key in ERROR_MESSAGES)) return undefined;
    const out: Record<string, Param> = {};
    for (const [k, v] of Object.entries((params as Record<string, unknown>) ?? {})) {
      if (typeof v === 'string' || typeof v === 'number') out[k] = v;
      else if (Array.isArray(v)) out[k] = v.map((x) => Message.revive(x)).filter((x): x is Message => x !== undefined);
      else out[k] = Message.revive(v) ?? String(v);
    }
    return new Message(key as ErrorKey, out);
  }
}

function renderParam(p: Param, lang: MessageLang): string {
  if (p instanceof Message) return p.render(lang);
  if (Array.isArray(p)) return (p as readonly Message[]).map((m) => m.render(lang)).join('\n  ');
  return String(p);
}

/** A message of the table. */
export function msg(key: ErrorKey, params: Params = {}): Message {
  return new Message(key, params);
}

/** An error whose text is a message of the table. */
export interface Localized {
  readonly msg?: Message;
}

/**
 * An error the user can fix (bad flag, bad config, missing path, policy failure).
 * The CLI prints its message and exits 2: such errors never pass silently.
 */
export class UsageError extends Error implements Localized {
  readonly exitCode = 2;
  readonly msg?: Message;
  constructor(message: string | Message, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : message.render('en'), options);
    this.name = 'UsageError';
    if (typeof message !== 'string') this.msg = message;
  }

  static of(key: ErrorKey, params: Params = {}): UsageError {
    return new UsageError(new Message(key, params));
  }
}

/** A policy could not be loaded or evaluated. Fails closed: exit 2. */
export class PolicyError extends Error implements Localized {
  readonly exitCode = 2;
  readonly msg?: Message;
  constructor(message: string | Message, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : message.render('en'), options);
    this.name = 'PolicyError';
    if (typeof message !== 'string') this.msg = message;
  }

  static of(key: ErrorKey, params: Params = {}, options?: { cause?: unknown }): PolicyError {
    return new PolicyError(new Message(key, params), options);
  }
}

/**
 * The text of an error (or of a message, or a plain string) in a language: the
 * message it carries rendered, else its own English text.
 */
export function describeError(err: unknown, lang: MessageLang): string {
  if (err instanceof Message) return err.render(lang);
  if (typeof err === 'string') return err;
  const m = (err as Localized | undefined)?.msg;
  if (m instanceof Message) return m.render(lang);
  return err instanceof Error ? err.message : String(err);
}

/**
 * Warnings raised below the CLI (an old baseline…): sent to a sink the CLI sets, which
 * prints them in the user's language; by default a Node process warning in English.
 */
export type WarningSink = (warning: Message, code?: string) => void;

let warningSink: WarningSink = (warning, code) => process.emitWarning(warning.render('en'), code ? { code } : {});

/** Where warnings go from now on; returns the previous sink. */
export function setWarningSink(sink: WarningSink): WarningSink {
  const previous = warningSink;
  warningSink = sink;
  return previous;
}

export function emitWarning(warning: Message, code?: string): void {
  warningSink(warning, code);
}
