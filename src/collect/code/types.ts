/**
 * Contracts of the tree-sitter framework: what a language module provides
 * (`LanguageSpec`, `LanguageSyntax`) and the shapes passed between the framework and
 * it (`CallInfo`, `Declaration`, `ClientCall`, `Val`). See README.md.
 */
import type { NodeVal, RefVal, StrVal, Val } from '../resolution.js';
import type { DiscoveredFile } from '../../discover/types.js';
import type { Language, Location, ResolutionStep, ToolKind } from '../../facts/types.js';
import type { Settings } from '../../policy/settings.js';
import type { CollectContext } from '../types.js';
import type { Node } from './runtime.js';
import type { FileAnalysis } from './analysis.js';
import type { Resolver } from './resolve.js';

export type { Node };

/** A call or object creation, as the language module reads it. */
export interface CallInfo {
  node: Node;
  /**
   * The callee as written, normalised: receiver chain and method joined with `.`,
   * `this.`/`self.`/`base.`/`$this->` dropped, call parentheses and type arguments
   * removed (`this.log.info` → `log.info`, `LoggerFactory.getLogger(X.class).info` →
   * `LoggerFactory.getLogger.info`). For an object creation: the type as written
   * without type arguments (`HttpPost`, `Request.Builder`).
   */
  name: string;
  /** The method name (the type's simple name for an object creation). */
  method: string;
  /** The receiver expression of a member call. */
  receiver?: Node;
  /** Argument expressions (wrappers such as C# `argument` removed), in order. */
  args: Node[];
  isNew: boolean;
  /** Simple names of explicit type arguments (`Configure<C06Options>` → [`C06Options`]). */
  typeArgs?: string[];
}

/** A variable, field, constant, property or parameter declaration. */
export interface Declaration {
  name: string;
  nameNode: Node;
  /** Initialiser expression, if any. */
  value?: Node;
  kind: 'field' | 'local' | 'parameter' | 'property';
  /** `static final`, `const`, `readonly`: never reassigned. */
  constant: boolean;
  /** Declared type's simple name without type arguments (`RestTemplate`, `IOptions`); `var` → undefined. */
  type?: string;
  /** Simple names of the declared type's type arguments (`IOptions<C06Options>` → [`C06Options`]). */
  typeArgs?: string[];
  /** Annotations / attributes on the declaration (Java `@Value`, C# `[FromServices]`). */
  annotations: Node[];
}

/** An assignment `target = value` (or `+=`). */
export interface Assignment {
  node: Node;
  /** Last segment of the target (`this.url` → `url`, `_http.BaseAddress` → `BaseAddress`). */
  name: string;
  /** The target's receiver, normalised (`_http`), when it is a member. */
  qualifier?: string;
  value: Node;
  operator: string;
}

export type { StrVal };

export type { NodeVal, RefVal, Val };

/** A client call site found by a language module; the framework adds the code-path context. */
export interface ClientCall {
  /** Where the call is (its line/column, its enclosing function). */
  node: Node;
  /** The client: `RestTemplate`, `WebClient`, `HttpClient`, `RestSharp`, `wcf`, `feign`… */
  client: string;
  /** The URL (or the path, with `base`). */
  url?: Node | Val;
  /** Base URL the path is relative to. */
  base?: Node | Val;
  /** SOAP operation / method name, when the call itself names it. */
  operation?: string;
  /** SOAP namespace, when known from the call itself. */
  namespace?: string;
  /** A limiter known to wrap this client (e.g. a rate-limited Feign client). */
  limiter?: { name: string; line: number };
  /** Callee text override (otherwise the node's text, trimmed and with secrets elided). */
  callee?: string;
  /** Enclosing-function override (e.g. an interface method declaration reported as its own function). */
  fn?: Node;
}

/**
 * What the generic helpers need to know about a language's syntax tree. Node type
 * names are the grammar's (`method_declaration`, `invocation_expression`…).
 */
export interface LanguageSyntax {
  /** Named function-like declarations: methods, constructors, local functions. */
  functionTypes: ReadonlySet<string>;
  /** Anonymous functions (lambdas): transparent, part of the function around them. */
  lambdaTypes: ReadonlySet<string>;
  /** Class-like declarations (for `Class.method` names). */
  classTypes: ReadonlySet<string>;
  /** Nodes an argument sits in between the lambda and its call (`argument`, `argument_list`). */
  argumentWrapperTypes: ReadonlySet<string>;
  /** The name of a function node (the method name alone) and the line to report. */
  functionName(fn: Node): { name: string; line: number };
  /** The name of a class-like node; anonymous classes get `<anonymous Type>`. */
  className(cls: Node): string;
  /** A call or object creation (captured as `@call` / `@new`). */
  call(node: Node): CallInfo | undefined;
  /** When `child` (an ancestor chain member of a call) is inside the loop's repeated part: the loop's kind. */
  loopKind(loop: Node, child: Node): string | undefined;
  /**
   * When a lambda passed to this call runs once per element: the loop kind (`forEach`,
   * `Parallel.ForEach`). `typeOf` gives a receiver's declared type (to tell
   * `optional.map(…)` from `stream.map(…)`).
   */
  iterationKind(call: CallInfo, typeOf?: (n: Node) => string | undefined): string | undefined;
  /** The value of a plain string literal node; undefined for anything else. */
  stringValue(node: Node): string | undefined;
  /** Declarations a `@decl` capture holds. */
  declarations(node: Node): Declaration[];
  /** An `@assign` capture. */
  assignment(node: Node): Assignment | undefined;
  /** A name for an expression used as a receiver or argument (`this.rest` → `rest`); '' when it has none. */
  exprName(node: Node): string;
  /** Resolve a language-specific expression (literals, concatenation, interpolation, format calls, names…). */
  evaluate(node: Node, r: Resolver): Val | undefined;
  /** The value of a declaration when it does not come from its initialiser (Java `@Value`, C# options binding). */
  declarationValue?(d: Declaration, r: Resolver): Val | undefined;
  /** A member reference passed as a value (`this::lookup`, `Lookup` method group): its name, for same-file callers. */
  reference?(node: Node): string | undefined;
}

/** Hooks a language provides to judge the code path of a call. */
export interface LanguageHooks<P> {
  /** Find client calls, TLS switches, tools, credentials, endpoints in one parsed file. */
  analyze(fa: FileAnalysis<P>): void;
  /**
   * A call that gates the work that follows it in the function (`bucket.tryConsume(1)`,
   * `rateLimiter.acquirePermission()`, `_limiter.AcquireAsync()`): the limiter's name.
   */
  gate?(call: CallInfo, fa: FileAnalysis<P>): string | undefined;
  /** A limiter declared on a function or its class (`@RateLimiter(name=…)`, `[EnableRateLimiting]`). */
  functionLimiter?(fn: Node, fa: FileAnalysis<P>): { name: string; line: number } | undefined;
  /** A call whose lambda argument runs under a limiter (`rateLimiter.executeSupplier(() -> …)`). */
  wrapper?(call: CallInfo, fa: FileAnalysis<P>): string | undefined;
}

/** Given to `worthParsing` and `prepare`. */
export interface PrepareEnv {
  ctx: CollectContext;
  settings: Settings;
}

/** A language for the tree-sitter framework. */
export interface LanguageSpec<P = unknown> {
  /** Collector name, e.g. `java`. */
  name: string;
  /** Facts language. */
  language: Language;
  /** Grammar file stem: `java` → `tree-sitter-java.wasm`; `c-sharp`, `php`, `python`, `go`. */
  grammar: string;
  /**
   * One query whose captures give the nodes the framework and the hooks work on.
   * Capture names the framework reads: `function`, `lambda`, `class`, `call`, `new`,
   * `loop`, `string`, `decl`, `assign`, `annotation`, `import`, `ref`; others are the
   * language's own (read with `fa.captures(name)`).
   */
  query: string;
  /** Which discovered files this language reads (default: `kind: source` and `language`). */
  appliesTo?(file: DiscoveredFile): boolean;
  /**
   * A cross-file pass before the per-file analysis (e.g. Feign interfaces, options
   * classes): it may parse files with `parseFiles`. Its result is `fa.project`.
   */
  prepare?(files: readonly DiscoveredFile[], env: PrepareEnv, parse: ParseFn): Promise<P> | P;
  /** Cheap text check: is this file worth parsing at all? */
  worthParsing(text: string, path: string, project: P, env: PrepareEnv): boolean;
  syntax: LanguageSyntax;
  hooks: LanguageHooks<P>;
}

/** Parse files with the language's grammar and query, one at a time; the tree is freed after `fn`. */
export type ParseFn = <T>(
  files: readonly DiscoveredFile[],
  filter: (text: string, path: string) => boolean,
  fn: (fa: FileAnalysis<unknown>) => T | undefined,
) => Promise<T[]>;

export interface ToolSignal {
  kind: ToolKind;
  reason: string;
  line: number;
  /** A lesser reason, used only when no other signal of its kind is found. */
  weak?: boolean;
}
