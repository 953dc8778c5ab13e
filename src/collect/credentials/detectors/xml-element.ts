/**
 * XML elements with credential names holding a literal, wherever the XML sits — an
 * `.xml` file, or a SOAP envelope inside a string literal in code (a TS template
 * literal, a Java/C# string):
 *
 *   <dan:MatKhau>…</dan:MatKhau>   <wsse:Password Type="…#PasswordText">…</wsse:Password>
 *   <password>…</password>         <ns:KhoaBiMat>…</ns:KhoaBiMat>
 *
 * The key is the element's local name (`MatKhau`, `Password`). Content that is a
 * placeholder, a dummy, an interpolation (`${pw}`, `{{pw}}`, `#{pw}`, `%s`, `{0}`), a
 * string concatenation (`" + pw + "`) or prose is skipped; so are elements whose content
 * is public material (`BinarySecurityToken` holds an X.509 certificate).
 */
import { isCredentialName } from './generic.js';
import { isDummy, looksLikeProse } from '../values.js';
import { linesAt, type Detector, type RawMatch } from './types.js';

/** `<prefix:Name attrs>content</prefix:Name>` on one line; content without markup or quotes. */
const ELEMENT_RE = /<((?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*))(?:\s[^<>]*)?>([^<>"'`\r\n]{1,512})<\/\1\s*>/g;
/** Interpolation, format holes and string concatenation: the value is not in the text. */
const NOT_LITERAL = /\$\{|\{\{|#\{|\$\(|%[sdv]|\{\d+\}|\+\s*$|^\s*\+|\\[nrt]/;
const PUBLIC_ELEMENT = /^(?:BinarySecurityToken|SecurityTokenReference|KeyIdentifier|PasswordDigest|DigestValue|SignatureValue|X509Certificate)$/i;

export const xmlElementCredential: Detector = {
  id: 'xml-element',
  family: 'generic',
  description: 'a literal inside an XML element with a credential name (<wsse:Password>, <dan:MatKhau>), also inside string literals',
  kind: 'named-literal',
  keywords: ['password>', 'passwd>', 'pwd>', 'secret>', 'token>', 'key>', 'matkhau>', 'mat_khau>', 'khoabimat>', 'khoa_bi_mat>', 'mabaomat>', 'ma_bao_mat>'],
  generic: true,
  *find({ text, hits }): Iterable<RawMatch> {
    for (const { start, line } of linesAt(text, hits)) {
      ELEMENT_RE.lastIndex = 0;
      for (const m of line.matchAll(ELEMENT_RE)) {
        const local = m[2] ?? '';
        const content = m[3] ?? '';
        if (PUBLIC_ELEMENT.test(local) || !isCredentialName(local)) continue;
        const value = content.trim();
        if (value.length < 4 || NOT_LITERAL.test(value) || isDummy(value) || looksLikeProse(value)) continue;
        const open = m[0].indexOf('>') + 1;
        const at = start + m.index + open + content.indexOf(value);
        yield { index: start + m.index, secret: value, start: at, end: at + value.length, key: local };
      }
    }
  },
};

export const xmlElementDetectors: readonly Detector[] = [xmlElementCredential];
