import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bomOf, declaredEncoding, decodeWith, detectEncoding, unmarkedWide } from '../../src/discover/decode.js';
import { discover, decodeText } from '../../src/discover/index.js';
import { tempTrees } from '../helpers/tree.js';
import fs from 'node:fs';

const { tree } = tempTrees('dg-decode-');
const CODE = 'const DANCU_URL = "https://lgsp.example.test/apiCSDLDanCu/TraCuu";\n// Tra cứu thông tin công dân — Hà Nội\n';

/** Windows-1258 has â ê ô ă ơ ư precomposed and writes tones as combining marks. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const cp1258 = (text: string) =>
  iconv.encode(
    [...text.normalize('NFC')].map((ch) => {
      const d = ch.normalize('NFD');
      return d.replace(TONES, '').normalize('NFC') + (d.match(TONES)?.join('') ?? '');
    }).join(''),
    'windows-1258',
  );

function withBom(bom: number[], text: string, enc: string): Buffer {
  return Buffer.concat([Buffer.from(bom), iconv.encode(text, enc)]);
}

describe('decode: which encoding a file is in', () => {
  it('reads every byte-order mark, UTF-32 before UTF-16', () => {
    const cases: Array<[number[], string]> = [
      [[0xef, 0xbb, 0xbf], 'utf-8'],
      [[0xff, 0xfe], 'utf-16le'],
      [[0xfe, 0xff], 'utf-16be'],
      [[0xff, 0xfe, 0, 0], 'utf-32le'],
      [[0, 0, 0xfe, 0xff], 'utf-32be'],
    ];
    for (const [bom, enc] of cases) {
      const buf = withBom(bom, CODE, enc);
      expect(bomOf(buf)?.encoding).toBe(enc);
      const det = detectEncoding('a.js', buf);
      expect(det).toMatchObject({ encoding: enc, bomLength: bom.length });
      expect(decodeWith(buf, enc)).toBe(CODE);
    }
  });

  it('tells UTF-16 and UTF-32 without a mark by their zero bytes', () => {
    for (const enc of ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be']) {
      const buf = iconv.encode(CODE.repeat(3), enc);
      expect(unmarkedWide(buf)).toBe(enc);
      expect(detectEncoding('a.js', buf)).toMatchObject({ encoding: enc });
      expect(decodeWith(buf, enc)).toBe(CODE.repeat(3));
    }
    // A NUL comment in UTF-8 is not wide text.
    expect(unmarkedWide(Buffer.from(`/*${'\0'.repeat(400)}*/\n${CODE}`))).toBeUndefined();
  });

  it('honours declared encodings: Python coding lines, XML declarations, .properties', () => {
    const py = iconv.encode('#!/usr/bin/env python3\n# -*- coding: latin-1 -*-\nTEN = "Nguyén"\n', 'latin1');
    expect(declaredEncoding('t.py', py)).toBe('latin-1');
    expect(detectEncoding('t.py', py)).toMatchObject({ encoding: 'iso-8859-1', declared: 'latin-1' });
    const xml = cp1258('<?xml version="1.0" encoding="windows-1258"?>\n<configuration><add key="Ten" value="Hà Nội"/></configuration>\n');
    expect(detectEncoding('Web.config', xml)).toMatchObject({ encoding: 'windows-1258' });
    expect(decodeWith(xml, 'windows-1258')).toContain('Hà Nội');
    const props = iconv.encode('ten=Jos\u00e9\n', 'latin1');
    expect(detectEncoding('app.properties', props)).toMatchObject({ encoding: 'iso-8859-1' });
  });

  it('detects Windows-1258 Vietnamese with nothing declared', () => {
    const vi = cp1258('// Tra cứu thông tin công dân: Hà Nội, Đà Nẵng, Thừa Thiên Huế, người dùng, mật khẩu\n'.repeat(4));
    const det = detectEncoding('a.js', vi);
    expect(det).toMatchObject({ encoding: 'windows-1258' });
  });

  it('calls undecodable what cannot be decoded honestly', () => {
    expect(detectEncoding('a.py', Buffer.from('# coding: utf-8\nx = "\xff\xfe\xfd"\n', 'latin1'))).toMatchObject({ undecodable: expect.stringContaining('not UTF-8') });
    expect(detectEncoding('a.js', Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xff]))).toHaveProperty('undecodable');
    expect(detectEncoding('a.js', Buffer.from([0xff, 0xfe, 0, 0, 0, 0, 0x11, 0]))).toHaveProperty('undecodable'); // UTF-32 past U+10FFFF
  });

  it('discovery keeps decoded files with their encoding and decodeText gives the text back', async () => {
    const root = tree({
      'a32.js': withBom([0xff, 0xfe, 0, 0], CODE, 'utf-32le'),
      'b16.js': iconv.encode(CODE, 'utf-16le'),
      'c.py': cp1258('# -*- coding: cp1258 -*-\n' + CODE.replace(/\/\//g, '#')),
    });
    const r = await discover(root);
    expect(r.skipped).toEqual([]);
    const enc = Object.fromEntries(r.files.map((f) => [f.path, f.encoding]));
    expect(enc).toEqual({ 'a32.js': 'utf-32le', 'b16.js': 'utf-16le', 'c.py': 'windows-1258' });
    for (const f of r.files) expect(decodeText(f, fs.readFileSync(f.absPath))).toContain('Tra cứu thông tin công dân');
  });
});
