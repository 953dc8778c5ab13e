/**
 * Credentials embedded in URLs and connection strings:
 *
 * - `scheme://user:pass@host` — a database scheme (JDBC, Mongo, Postgres, MySQL, Redis,
 *   AMQP, …) is a `connection-string`, anything else a `basic-auth-url`. Placeholder or
 *   dummy passwords, a password equal to the user name, and documentation hosts
 *   (`example.com`, `*.test`) are not reported. `https://<token>:x-oauth-basic@…` reports
 *   the token (the user part).
 * - Oracle thin `jdbc:oracle:thin:user/pass@host`.
 * - Key/value connection strings (`Server=…;Password=…`, `jdbc:…;password=…`,
 *   `?user=…&password=…`): the `Password=`/`Pwd=` value, on lines that look like a
 *   connection string.
 */
import type { CredentialKind } from '../../../facts/types.js';
import { isDummy, isPlaceholder, isShortPassword, looksLikePath } from '../values.js';
import { linesAt, type Detector, type RawMatch } from './types.js';

/**
 * scheme://user:pass@host — the password may not contain whitespace, quotes, `?` or `#`,
 * but may contain `@`, `/`, `+`, `=` (base64): it runs to the LAST `@` that a host
 * follows (greedy, then backtracking), as `URL_PARTS_RE` in `src/util/redact.ts` reads it.
 */
const URL_CRED_RE =
  /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*(?::[A-Za-z][A-Za-z0-9+.-]*)?):\/\/([^\s:@/?#'"`<>]{0,128}):([^\s?#'"`<>]{1,256})@([A-Za-z0-9._\-[\]{}$]+)(?=[:/?#\s'"`<>),;\\\]|*]|$)/g;
const ORACLE_THIN_RE = /jdbc:oracle:thin:([^/\s@"'`:;]+)\/([^@\s"'`;]+)@/g;
const CONN_PASSWORD_RE = /(?<=^|[;?&\s"'`{(,])(?:password|pwd)\s*=\s*("([^"]*)"|'([^']*)'|[^;&"'`\s,)]*)/gi;
/** Keys that make a line a connection string, with an unquoted value (`host="…"` is an XML attribute). */
const CONN_MARKER_RE =
  /jdbc:|\b(?:server|data source|datasource|host|hostname|database|initial catalog|user id|userid|uid|user|username|addr|address|dsn|port|sslmode|encrypt)\s*=(?!\s*["'])/i;
const DB_SCHEMES = new Set([
  'mongodb',
  'mongodb+srv',
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'redis',
  'rediss',
  'amqp',
  'amqps',
  'mssql',
  'sqlserver',
  'oracle',
  'db2',
  'couchdb',
  'cassandra',
  'neo4j',
  'clickhouse',
  'elasticsearch',
  'kafka',
  'nats',
  'mqtt',
]);
export const EXAMPLE_HOST = /(?:^|\.)(?:example\.(?:com|org|net)|[a-z0-9-]+\.(?:example|invalid|test))$|^example$|(?:^|\.)(?:dummy|fake|faketld|placeholder)(?:\.|$)/i;
/** Passwords that mean "the user name is a token" (`<token>:x-oauth-basic@github.com`). */
const TOKEN_PASSWORDS = new Set(['x-oauth-basic', 'x-oauth', 'x-access-token']);

function percentDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function schemeKind(scheme: string): CredentialKind {
  const s = scheme.toLowerCase();
  const last = s.includes(':') ? s.slice(s.lastIndexOf(':') + 1) : s;
  return s.startsWith('jdbc:') || DB_SCHEMES.has(last) ? 'connection-string' : 'basic-auth-url';
}

export const urlCredentials: Detector = {
  id: 'url-credentials',
  family: 'url-credentials',
  description: 'user:password in a URL (basic-auth URL, or a database URL = connection string)',
  kind: 'basic-auth-url',
  keywords: ['://'],
  *find({ text, hits }): Iterable<RawMatch> {
    for (const { start, line } of linesAt(text, hits)) {
      if (!line.includes('@')) continue;
      URL_CRED_RE.lastIndex = 0;
      for (const m of line.matchAll(URL_CRED_RE)) {
        const [whole, scheme = '', user = '', pass = '', host = ''] = m;
        if (EXAMPLE_HOST.test(host)) continue;
        // `protocol://[user[:password]@]host`: the notation of a format description, not a URL.
        if (/[[\]]/.test(user) || /[[\]]/.test(pass)) continue;
        // `http://host:8080/users/@me` is a port and a path, not `host:<password>@me`.
        if (pass.includes('/') && /^\d{1,5}(?:\/|$)/.test(pass)) continue;
        let secret = pass;
        let at = m.index + whole.indexOf(':', scheme.length + 3) + 1;
        if (TOKEN_PASSWORDS.has(pass.toLowerCase())) {
          secret = user;
          at = m.index + scheme.length + 3;
          if (isDummy(user) || user.length < 16) continue;
        } else {
          if (isDummy(pass) || isDummy(percentDecode(pass)) || pass === user || /[{}]|\$\(|\$\{/.test(pass)) continue;
          if (/[{}$<>]/.test(user) && isPlaceholder(user)) continue;
        }
        const index = start + m.index;
        yield { index, secret, start: start + at, end: start + at + secret.length, kind: schemeKind(scheme) };
      }
    }
  },
};

export const oracleThin: Detector = {
  id: 'oracle-thin',
  family: 'connection-string',
  description: 'Oracle thin JDBC URL with user/password (jdbc:oracle:thin:user/pass@host)',
  kind: 'connection-string',
  keywords: ['thin:'],
  *find({ text, hits }) {
    for (const { start, line } of linesAt(text, hits)) {
      ORACLE_THIN_RE.lastIndex = 0;
      for (const m of line.matchAll(ORACLE_THIN_RE)) {
        const pass = m[2] ?? '';
        if (isDummy(pass)) continue;
        const at = start + m.index + m[0].lastIndexOf(pass);
        yield { index: start + m.index, secret: pass, start: at, end: at + pass.length };
      }
    }
  },
};

export const connectionStringPassword: Detector = {
  id: 'connection-string-password',
  family: 'connection-string',
  description: 'Password=/Pwd= in an ADO.NET / ODBC / JDBC connection string or a DSN query',
  kind: 'connection-string',
  keywords: ['password', 'pwd'],
  *find({ text, hits }) {
    for (const { start, line } of linesAt(text, hits)) {
      if (!CONN_MARKER_RE.test(line)) continue;
      CONN_PASSWORD_RE.lastIndex = 0;
      for (const m of line.matchAll(CONN_PASSWORD_RE)) {
        const pass = (m[2] ?? m[3] ?? m[1] ?? '').trim();
        // A one-to-three-character password is still a password here (`Password=1`): reported, as a trivial one.
        if ((isDummy(pass) && !isShortPassword(pass)) || looksLikePath(pass) || /^["'`]?\s*\+/.test(pass) || /\$\{|\$\(|\{\{/.test(pass)) continue;
        const at = start + m.index + m[0].lastIndexOf(pass);
        yield { index: start + m.index, secret: pass, start: at, end: at + pass.length };
      }
    }
  },
};

const SQL_PASSWORD_RE = /\b(?:IDENTIFIED\s+BY|(?:WITH|LOGIN)\s+(?:ENCRYPTED\s+)?PASSWORD)\s+(["'])([^"'\r\n]{4,128})\1/gi;

export const sqlPassword: Detector = {
  id: 'sql-password',
  family: 'connection-string',
  description: 'a database account password in SQL: IDENTIFIED BY \'…\' (Oracle, MySQL), WITH/LOGIN PASSWORD \'…\' (PostgreSQL)',
  kind: 'named-literal',
  keywords: ['identified by', 'with password', 'login password', 'with encrypted password'],
  *find({ text, hits }) {
    for (const { start, line } of linesAt(text, hits)) {
      SQL_PASSWORD_RE.lastIndex = 0;
      for (const m of line.matchAll(SQL_PASSWORD_RE)) {
        // An account statement (CREATE/ALTER USER|ROLE|LOGIN), not prose ("the function identified by …").
        if (!/\b(?:USER|ROLE|LOGIN)\b/i.test(line.slice(0, m.index + 12))) continue;
        const pass = m[2] ?? '';
        if (isDummy(pass) || /\$\{|\{\{|^:|^\?$|\\/.test(pass)) continue;
        const at = start + m.index + m[0].lastIndexOf(pass);
        yield { index: start + m.index, secret: pass, start: at, end: at + pass.length, key: 'PASSWORD' };
      }
    }
  },
};

export const connectionDetectors: readonly Detector[] = [urlCredentials, oracleThin, connectionStringPassword, sqlPassword];
