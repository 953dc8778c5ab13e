/**
 * Audit records as real systems write them, beyond a call named like a logger (both
 * source collectors): a log entity persisted through a repository
 * (`_repositoryLog.AddAsync(new LogTraCuu(…))`, `save(new AuditLog(…))`,
 * `AuditLog.create({…})`, `DB::table('nhat_ky')->insert(…)`), an SQL `INSERT INTO` a
 * log table, and a helper (here or in another file) whose body writes a log. Entities
 * and tables are kept only when their names match `auditRecordPatterns`, helpers only
 * when they (or a helper they call) make a call matching `loggerPatterns`: the facts
 * stay small, and the policy checks the same patterns again.
 */
import type { AuditWriteFact } from '../../../facts/types.js';
import { matchesAny, type Settings } from '../../../policy/settings.js';
import { settingsPatterns } from './patterns.js';

/** A call as the audit reader needs it, whatever the language. */
export interface CallShape {
  name: string;
  method: string;
  line: number;
  /** Types of the objects passed as arguments (created there, or a local created so). */
  argTypes: string[];
  /** The type the receiver was created as, or a class receiver (`AuditLog.create`). */
  receiverType?: string;
  /** String literals passed to the calls of the receiver chain (`db('audit_log').insert`). */
  chainStrings: string[];
}

/** Calls that persist what they are given. */
const PERSIST = /^(save|saveAndFlush|saveAll|persist|persistAndFlush|merge|insert|insertOne|insertMany|insertAsync|insertOneAsync|add|addAsync|addRange|addRangeAsync|create|createMany|bulkCreate|store|upsert|insertGetId|attach)$/i;

export function auditRecordPatterns(settings: Settings): RegExp[] {
  return settingsPatterns(settings, 'auditRecordPatterns');
}

/** Persisted log entities and log tables written through a query builder. */
export function entityWrites(calls: readonly CallShape[], settings: Settings): AuditWriteFact[] {
  const record = auditRecordPatterns(settings);
  const out: AuditWriteFact[] = [];
  for (const c of calls) {
    if (!PERSIST.test(c.method)) continue;
    const types = [...c.argTypes, ...(c.receiverType ? [c.receiverType] : [])];
    for (const t of types) if (matchesAny(t, record)) out.push({ kind: 'entity', name: t, line: c.line, via: c.name });
    for (const s of c.chainStrings) {
      if (/^[\w.$[\]"`]+$/.test(s) && matchesAny(s, record)) out.push({ kind: 'insert', name: s, line: c.line, via: c.name });
    }
  }
  return out;
}

const INSERT_INTO = /\binsert\s+(?:ignore\s+)?into\s+([`"[]?[\w$.]+[`"\]]?(?:\.[`"[]?[\w$]+[`"\]]?)?)/gi;

/** Tables an SQL string inserts into, when they are log tables. */
export function insertTables(strings: ReadonlyArray<{ s: string; line: number }>, settings: Settings): AuditWriteFact[] {
  const record = auditRecordPatterns(settings);
  const out: AuditWriteFact[] = [];
  for (const { s, line } of strings) {
    if (!/insert/i.test(s)) continue;
    for (const m of s.matchAll(INSERT_INTO)) {
      const table = m[1]!.replace(/[`"[\]]/g, '');
      if (matchesAny(table, record) || matchesAny(m[1]!, record)) out.push({ kind: 'insert', name: table, line });
    }
  }
  return out;
}

/** The calls of a helper that match the logger patterns (what makes it an audit helper). */
export function loggingCalls(calls: readonly string[], logger: readonly RegExp[]): string[] {
  return [...new Set(calls.filter((c) => matchesAny(c, logger)))].slice(0, 10);
}

/** At most 20 writes, one per kind/name/line. */
export function uniqueWrites(writes: readonly AuditWriteFact[]): AuditWriteFact[] {
  const seen = new Set<string>();
  const out: AuditWriteFact[] = [];
  for (const w of writes) {
    const k = `${w.kind}\0${w.name}\0${w.line}\0${w.file ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(w);
    if (out.length >= 20) break;
  }
  return out;
}
