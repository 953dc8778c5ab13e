/**
 * What a client call returned, followed through a function (quality.ts): the call
 * itself, a connection's input stream, what is read from them (`response.Content
 * .ReadAsStringAsync()`, `asString()`, `reader.readLine()`), what is parsed or decrypted
 * from that (`JSON.parse(x)`, `decrypt(x)`), locals initialised, assigned (`+=`) or
 * appended to (`sb.append(x)`) with it, and strings built from it. Accessors that give a
 * size, a status or a yes/no (`length()`, `getStatus()`, `contains(…)`) stop it, and so
 * do comparisons. Bounded and memoised; a name is never followed into itself.
 */
import type { Declaration, Node, ParsedFile } from './types.js';

/** Calls that open what a connection returns. */
const SOURCE = /^(getInputStream|getErrorStream|GetResponseStream|GetResponse|openStream|getResponseBodyAsString|urlopen)$/;
/** Results that are not the content: sizes, statuses, flags, hashes. */
const NOT_CONTENT = /^(length|size|count|Count|Length|getStatus|getStatusCode|StatusCode|status|status_code|statusCode|ok|IsSuccessStatusCode|isSuccessful|getResponseCode|keySet|keys|isEmpty|isBlank|IsNullOrEmpty|contains|Contains|containsKey|startsWith|StartsWith|endsWith|EndsWith|equals|Equals|equalsIgnoreCase|hashCode|GetHashCode|indexOf|IndexOf|has|hasOwnProperty|close|disconnect|Dispose|getHeaders|headers|getHeader|raise_for_status|EnsureSuccessStatusCode|getClass|GetType|successful|failed|isOk|isSuccess|isSuccessful|IsSuccessful|clientError|serverError|getReasonPhrase|ReasonPhrase)$/;
/** Members of a response that hold its body. */
const BODY = /^(data|body|Body|Content|content|text|Text|result|Result|payload|Payload|json|raw|entity|Entity|message|Message|value|Value|response|Response)$/;
/** Calls that add to a buffer. */
const APPEND = /^(append|Append|AppendLine|AppendFormat|write|Write|push|concat|extend|WriteLine)$/;
const BINARY = /binary/;
const CONCAT_OPS = new Set(['+', '.', '+=', '.=']);

export class Taint {
  private readonly sources: Set<number>;
  private readonly memo = new Map<number, boolean>();
  private readonly names = new Map<number, boolean>();
  private depth = 0;

  constructor(
    private readonly fa: ParsedFile,
    sources: readonly Node[],
  ) {
    this.sources = new Set(sources.map((n) => n.id));
  }

  /** Whether an expression carries what a client call returned. */
  tainted(n: Node): boolean {
    const m = this.memo.get(n.id);
    if (m !== undefined) return m;
    if (this.depth > 24) return false;
    this.memo.set(n.id, false);
    this.depth++;
    let t = false;
    try {
      t = this.compute(this.fa.syntax.unwrap(n));
    } catch {
      t = false;
    } finally {
      this.depth--;
    }
    this.memo.set(n.id, t);
    return t;
  }

  private compute(n: Node): boolean {
    const fa = this.fa;
    if (this.sources.has(n.id)) return true;
    if (fa.syntax.lambdaTypes.has(n.type)) return false;
    const c = fa.callInfo(n);
    if (c) {
      if (c.isNew) return c.args.some((a) => this.tainted(a));
      if (NOT_CONTENT.test(c.method)) return false;
      if (SOURCE.test(c.method)) return true;
      if (c.receiver && this.tainted(c.receiver)) return true;
      return c.args.some((a) => this.tainted(a));
    }
    const name = fa.syntax.exprName(n);
    if (name && !name.includes('.') && (n.type === 'identifier' || n.type === 'variable_name' || n.type === 'name')) {
      const d = fa.decls.lookup(name.replace(/^\$/, ''), n) ?? fa.decls.lookup(name, n);
      return d ? this.name(d, name) : false;
    }
    const object = n.childForFieldName('object') ?? n.childForFieldName('expression') ?? n.childForFieldName('operand');
    const member = n.childForFieldName('field') ?? n.childForFieldName('name') ?? n.childForFieldName('attribute');
    if (object && member && member.id !== object.id) return BODY.test(member.text) && this.tainted(object);
    if (BINARY.test(n.type)) {
      const op = n.childForFieldName('operator')?.text ?? '';
      if (!CONCAT_OPS.has(op)) return false;
    }
    for (const child of n.namedChildren) if (child && this.tainted(child)) return true;
    return false;
  }

  /** A local or field: its initialiser, its assignments (`=`, `+=`), what is appended to it. */
  private name(d: Declaration, name: string): boolean {
    const id = d.nameNode.id;
    const m = this.names.get(id);
    if (m !== undefined) return m;
    this.names.set(id, false);
    const fa = this.fa;
    let t = d.value !== undefined && this.tainted(d.value);
    if (!t) {
      const bare = name.replace(/^\$/, '');
      for (const a of fa.assignments) {
        if ((a.name !== bare && a.name !== name) || a.qualifier) continue;
        if (fa.decls.lookup(a.name, a.node) !== d) continue;
        if (this.tainted(a.value)) {
          t = true;
          break;
        }
      }
    }
    if (!t) {
      for (const c of fa.calls) {
        if (c.isNew || !c.receiver || !APPEND.test(c.method)) continue;
        if (fa.syntax.exprName(c.receiver) !== name) continue;
        if (fa.decls.lookup(name.replace(/^\$/, ''), c.node) !== d && fa.decls.lookup(name, c.node) !== d) continue;
        if (c.args.some((a) => this.tainted(a))) {
          t = true;
          break;
        }
      }
    }
    this.names.set(id, t);
    return t;
  }
}
