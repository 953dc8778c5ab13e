/** The shared comment lexer: comments and strings per language, blanking, string-literal lookups. */
import { describe, expect, it } from 'vitest';
import { blankComments, commentSyntaxFor, inStringLiteral, lexSpans } from '../../src/collect/comments.js';

describe('comment lexer', () => {
  it('blankComments keeps line structure', () => {
    const text = 'a /* x\ny */ b // z\nc';
    const out = blankComments(text, commentSyntaxFor('java', undefined, 'A.java')!);
    expect(out.split('\n')).toHaveLength(3);
    expect(out.length).toBe(text.length);
  });

  it('finds comments and strings in order; a comment marker inside a string is text', () => {
    const text = 'String u = "a//b"; // c\n/* d */ char q = \'/\';';
    const spans = [...lexSpans(text, commentSyntaxFor('java', undefined, 'A.java')!)].map((s) => [s.kind, text.slice(s.start, s.end)]);
    expect(spans).toEqual([
      ['string', '"a//b"'],
      ['comment', '// c'],
      ['comment', '/* d */'],
      ['string', "'/'"],
    ]);
  });

  it('knows each syntax: Python triple quotes, C# verbatim, Go raw strings, shell word-start #, PHP #[, properties line starts', () => {
    const blank = (text: string, lang: Parameters<typeof commentSyntaxFor>[0], path: string, format?: Parameters<typeof commentSyntaxFor>[1]) =>
      blankComments(text, commentSyntaxFor(lang, format, path)!).trimEnd();
    expect(blank('s = """# kept"""  # gone', 'python', 'a.py')).toBe('s = """# kept"""');
    expect(blank('var p = @"a""//b"; // c', 'csharp', 'a.cs')).toBe('var p = @"a""//b";');
    expect(blank('u := `//x` // c', 'go', 'a.go')).toBe('u := `//x`');
    expect(blank('echo a#b # c', 'shell', 'a.sh')).toBe('echo a#b');
    expect(blank('#[Attr] # c', 'php', 'a.php')).toBe('#[Attr]');
    expect(blank('a=b#c\n# d', undefined, 'a.properties', 'properties')).toBe('a=b#c');
    expect(blank("it's: ok # c", undefined, 'a.yml', 'yaml')).toBe("it's: ok");
    expect(commentSyntaxFor(undefined, undefined, 'README')).toBeUndefined();
  });

  it('inStringLiteral: whether an offset sits inside a string', () => {
    const text = 'const n = "// x"; // y';
    const syntax = commentSyntaxFor('typescript', undefined, 'a.ts')!;
    expect(inStringLiteral(text, syntax, text.indexOf('x'))).toBe(true);
    expect(inStringLiteral(text, syntax, text.indexOf('y'))).toBe(false);
  });
});
