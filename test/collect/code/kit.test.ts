/**
 * The shared helper kit (src/collect/code/kit/): the pieces every language's syntax
 * reader is built from, checked on real parses where they read nodes.
 */
import { describe, expect, it } from 'vitest';
import { CSHARP_SYNTAX } from '../../../src/collect/code/csharp/syntax.js';
import { GO_SYNTAX } from '../../../src/collect/code/go/syntax.js';
import { argumentValues } from '../../../src/collect/code/kit/calls.js';
import { declared } from '../../../src/collect/code/kit/declarations.js';
import { dotted, lastSegment } from '../../../src/collect/code/kit/names.js';
import { escapeDecoder, trimChars } from '../../../src/collect/code/kit/strings.js';
import { PHP_SYNTAX } from '../../../src/collect/code/php/syntax.js';
import { PY_SYNTAX } from '../../../src/collect/code/python/syntax.js';
import { parserFor, type Node } from '../../../src/collect/code/runtime.js';
import type { LanguageSyntax } from '../../../src/collect/code/types.js';

/** Every node of a parse of `text` for which `pick` holds, in document order. */
async function nodes(grammar: string, text: string, pick: (n: Node) => boolean): Promise<Node[]> {
  const parser = await parserFor(grammar);
  const tree = parser.parse(text);
  if (!tree) throw new Error('no tree');
  const out: Node[] = [];
  const walk = (n: Node): void => {
    if (pick(n)) out.push(n);
    for (const c of n.namedChildren) if (c) walk(c);
  };
  walk(tree.rootNode);
  return out;
}

async function callNames(grammar: string, syntax: LanguageSyntax, text: string): Promise<string[]> {
  const found = await nodes(grammar, text, (n) => syntax.call(n) !== undefined);
  return found.map((n) => syntax.call(n)!.name);
}

describe('kit/strings', () => {
  it('decodes numeric and one-character escapes, keeping or dropping the ones it does not know', () => {
    const java = escapeDecoder(/\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|.)/g, { simple: { n: '\n', s: ' ' }, octal: true, unknown: 'drop' });
    expect(java('\\u0041\\uu0042\\101\\s\\n\\q')).toBe('ABA \nq');
    const go = escapeDecoder(/\\(x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|[0-7]{3}|[nq])/g, { simple: { n: '\n' }, octal: true });
    expect(go('\\x41\\U0001F600\\101\\q')).toBe('A😀A\\q');
    const cs = escapeDecoder(/\\(x[0-9a-fA-F]{1,4}|.)/g, { simple: { '0': '\0' }, unknown: 'drop' });
    expect(cs('\\x41\\0\\1')).toBe('A\u00001');
  });

  it('trims a set of characters from either end', () => {
    expect(trimChars('//api//', '/', 'right')).toBe('//api');
    expect(trimChars('//api//', '/', 'left')).toBe('api//');
    expect(trimChars(' \tapi\n', ' \t\n', 'both')).toBe('api');
  });
});

describe('kit/names: call names in every language', () => {
  it('joins receiver chains and leaves the logger builders out of a log call', async () => {
    expect(dotted('', 'post')).toBe('post');
    expect(lastSegment('Http.withBasicAuth.post')).toBe('post');
    expect(await callNames('python', PY_SYNTAX, 'logging.getLogger(__name__).info("x")\nself.session.post(url)\n')).toEqual([
      'logging.info',
      'logging.getLogger',
      'session.post',
    ]);
    expect(await callNames('php', PHP_SYNTAX, "<?php Log::channel('audit')->info('x'); $this->client->post($u);")).toEqual(['Log.info', 'Log.channel', 'client.post']);
    expect(await callNames('go', GO_SYNTAX, 'package m\nfunc f() { log.WithFields(f).Info("x"); http.Get(u) }\n')).toEqual(['log.Info', 'log.WithFields', 'http.Get']);
  });
});

describe('kit/calls and kit/declarations', () => {
  it('reads argument values through named-argument wrappers and past comments', async () => {
    const [list] = await nodes('c-sharp', 'class C { void M() { F(a, /* c */ name: b); } }', (n) => n.type === 'argument_list');
    expect(argumentValues(list, new Set(['comment']), 'argument').map((n) => n.text)).toEqual(['a', 'b']);
    const [call] = await nodes('c-sharp', 'class C { void M() { _http.GetAsync(url); } }', (n) => n.type === 'invocation_expression');
    expect(CSHARP_SYNTAX.call(call!)).toMatchObject({ name: '_http.GetAsync', method: 'GetAsync' });
  });

  it('sets a declaration’s optional parts only when there is something to set', async () => {
    const [id] = await nodes('python', 'URL = "x"\n', (n) => n.type === 'identifier');
    const d = declared(id!, 'field', { constant: true, type: undefined, typeArgs: [] });
    expect(d).toEqual({ name: 'URL', nameNode: id, kind: 'field', constant: true, annotations: [] });
    expect('type' in d || 'typeArgs' in d || 'value' in d).toBe(false);
  });
});
