/**
 * Contracts of the tree-sitter framework, at the bottom of its dependency graph (this
 * module imports no other module of the framework but the runtime's types): what a
 * language's syntax reader provides (`LanguageSyntax`), the shapes passed between the
 * framework and a language (`CallInfo`, `Declaration`, `ClientCall`, `Val`), and the
 * read-only views of a parsed file (`ParsedFile`) and of its value resolver
 * (`ValueResolver`) that syntax readers and framework parts are written against.
 * `FileAnalysis` (analysis.ts) and `Resolver` (resolve.ts) implement them; the
 * language spec and hooks are in spec.ts. See README.md.
 */
import type { NodeVal, Part, RefVal, StrVal, Val } from '../resolution.js';
import type { Language, Location, ResolutionStep, ToolKind } from '../../facts/types.js';
import type { Settings } from '../../policy/settings.js';
import type { ConfigIndex } from '../config/values.js';
import type { Node } from './runtime.js';

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

export type { NodeVal, Part, RefVal, StrVal, Val };

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
  /** Without transparent wrappers (parentheses, casts, `await`): what the expression stands for. */
  unwrap(node: Node): Node;
  /** A name for an expression used as a receiver or argument (`this.rest` → `rest`); '' when it has none. */
  exprName(node: Node): string;
  /**
   * Expressions that are objects, not strings (lambdas, collections, object literals):
   * they resolve to themselves (a `NodeVal`), followed by `origin` and `typeOf`.
   */
  objectTypes: ReadonlySet<string>;
  /** Resolve a language-specific expression (literals, concatenation, interpolation, names…) that is not a call. */
  evaluate(node: Node, r: ValueResolver): Val | undefined;
  /**
   * Resolve a call (a node `call` reads, not an object creation): string building
   * (`String.format`, `sprintf`), config and env reads, getters.
   */
  evaluateCall(call: CallInfo, r: ValueResolver): Val | undefined;
  /** Resolve an object creation whose value may be a string (`new URL(u)`, `new Uri(b, p)`); without it, the object itself. */
  evaluateCreation?(call: CallInfo, r: ValueResolver): Val | undefined;
  /** The value of a declaration when it does not come from its initialiser (Java `@Value`, C# options binding). */
  declarationValue?(d: Declaration, r: ValueResolver): Val | undefined;
  /** A member reference passed as a value (`this::lookup`, `Lookup` method group): its name, for same-file callers. */
  reference?(node: Node): string | undefined;
  /**
   * The value node of property `prop` in an object creation that sets it
   * (`new T { Prop = v }`, `T{Prop: v}`, `T(prop=v)`), for object-property flow.
   */
  creationInitializer?(creation: Node, prop: string): Node | undefined;
}

/**
 * What another file of the repository holds (crossfile.ts): a constant, a property of
 * a type written there, the calls a function there makes. Strings and references only.
 */
export interface CrossFileLookup {
  constant(qualifier: string | undefined, name: string, from: string): StrVal | RefVal | undefined;
  property(type: string, prop: string, from: string): StrVal | RefVal | undefined;
  functionCalls(name: string, from: string): string[] | undefined;
}

export interface ToolSignal {
  kind: ToolKind;
  reason: string;
  line: number;
  /** A lesser reason, used only when no other signal of its kind is found. */
  weak?: boolean;
}

/** A node's range in UTF-16 code units. */
export interface Span {
  node: Node;
  start: number;
  end: number;
}

export interface Limiter {
  name: string;
  line: number;
}

export interface Loop {
  kind: string;
  line: number;
}

/** A function of the file, as the code-path context sees it (context.ts). */
export interface FnInfo {
  /** The function node; the class node for `Class.<init>`; undefined for `<module>`. */
  node?: Node;
  span?: Span;
  name: string;
  /** The method name alone (what same-file callers call it by). */
  simple: string;
  line: number;
  /** Normalised names of every call made in the function, in order, without repeats. */
  calls: string[];
  callInfos: CallInfo[];
  /** Calls, and references passed as values (`this::lookup`, `ids.Select(Lookup)`), by name. */
  edges: Array<{ name: string; site: Node }>;
}

/** The settings' patterns, compiled once per settings object. */
export interface Patterns {
  endpoint: RegExp[];
  operation: RegExp[];
  limiter: RegExp[];
  logger: RegExp[];
}

/** The declarations of a file by name, with scope-aware lookup (decls.ts). */
export interface DeclLookup {
  all(): Declaration[];
  /** The declaration a name at `at` refers to: innermost local/parameter, else a field of the innermost enclosing class, else any field. */
  lookup(name: string, at: Node): Declaration | undefined;
  /** A field of the class named `cls` (simple name) in this file. */
  inClass(cls: string, name: string): Declaration | undefined;
  /** A constant with this name anywhere in the file. */
  anyConstant(name: string): Declaration | undefined;
  /** The class (span) a declaration sits in. */
  classOf(d: Declaration): Span | undefined;
  /** The function/lambda scope of a local or parameter. */
  scopeOf(d: Declaration): Span | undefined;
}

/** A parsed file as syntax readers and the framework's parts read it (implemented by `FileAnalysis`). */
export interface ParsedFile<P = unknown> {
  readonly path: string;
  readonly text: string;
  readonly language: Language;
  readonly settings: Settings;
  readonly config: ConfigIndex;
  readonly syntax: LanguageSyntax;
  readonly patterns: Patterns;
  /** The result of the language's cross-file `prepare` pass. */
  readonly project: P;
  /** Values and functions of other files (absent in a file parsed for a cross-file lookup's own `prepare`). */
  readonly cross?: CrossFileLookup;
  readonly decls: DeclLookup;
  readonly assignments: Assignment[];
  readonly resolver: ValueResolver;
  /** Every call and object creation (`@call`, `@new`), in document order. */
  readonly calls: CallInfo[];
  /** Nodes captured under `name`, in document order. */
  captures(name: string): Node[];
  spans(name: string): Span[];
  callInfo(node: Node): CallInfo | undefined;
  /** The first assignment to a field or variable without an initialiser (`this.url = …` in a constructor). */
  assignmentsTo(d: Declaration): Assignment | undefined;
  /** The declared type of a name expression (`rest` → `RestTemplate`), or the type it was created with. */
  typeOf(expr: Node): { type: string; typeArgs: string[] } | undefined;
  line(node: Node): number;
  loc(node: Node): Location;
  sensitive(name: string): boolean;
}

export type ConfigFlavorName = 'spring' | 'dotnet' | 'env' | 'netfx-appsettings' | 'netfx-connection-strings' | 'wcf-endpoint' | (string & {});

/**
 * Same-file value resolution as a syntax reader calls it back (implemented by
 * `Resolver`, resolve.ts): names, string pieces, format strings and config lookups.
 */
export interface ValueResolver {
  readonly fa: ParsedFile;
  /** What an expression resolves to (memoised per node). */
  resolve(node: Node | null | undefined): Val | undefined;
  /** The string an expression resolves to, if it does. */
  str(node: Node | null | undefined): StrVal | undefined;
  /** A string part: the resolved string, or `${expression}` when it does not resolve. */
  part(node: Node | null | undefined): Part;
  /** Join parts into one string (concatenation, interpolation, format). */
  join(parts: Part[], step: ResolutionStep): StrVal;
  /** Parts joined, unless none of them resolved to anything (then undefined). */
  concat(parts: Part[], step?: ResolutionStep): StrVal | undefined;
  /** A format string with arguments: `printf` (`%s`, `%1$s`) or `dotnet` (`{0}`). */
  format(template: StrVal, args: Node[], style: 'printf' | 'dotnet'): StrVal;
  /** A name at a position: local, parameter, field of the enclosing class, or a field elsewhere in the file. */
  identifier(name: string, at: Node): Val | undefined;
  /** `Qualifier.NAME`: a field of a class of this file (`this.x` → the enclosing class's field). */
  member(qualifier: string, name: string, at: Node): Val | undefined;
  /** The value of a declaration: its special value, its initialiser, or its one assignment. */
  declaration(d: Declaration): Val | undefined;
  /** Follow a name to the expression it was initialised with, through at most a few hops. */
  origin(node: Node, hops?: number): Node;
  /** A config key read at run time (its value in the repository, else `def`, else a reference). */
  config(flavor: ConfigFlavorName, key: string, def?: StrVal): Val;
  /** An environment variable. */
  env(name: string, def?: StrVal): Val;
  /** A Spring value expression with placeholders (`${dancu.url:https://…}`). */
  springPlaceholders(text: string): Val;
}
