/** Samples of `./xml-element.ts` (synthetic). */
import { fake } from './fake.js';
import type { DetectorSample, SampleSet } from './types.js';

const pw = fake(12, 72);
const soap = (inner: string): string =>
  `const body = \`<soapenv:Envelope><soapenv:Body><dan:TraCuu><dan:TenDangNhap>dvc</dan:TenDangNhap>${inner}</dan:TraCuu></soapenv:Body></soapenv:Envelope>\`;\n`;
const inSoap = (inner: string, note?: string): DetectorSample => ({ text: soap(inner), file: 'src/client.ts', othersMayMatch: true, ...(note ? { note } : {}) });

export const samples: SampleSet = {
  'xml-element': {
    positives: [
      { text: soap(`<dan:MatKhau>${pw}</dan:MatKhau>`), file: 'src/client.ts', key: 'MatKhau', secret: pw },
      {
        text: `String env = "<wsse:UsernameToken><wsse:Username>dvc</wsse:Username><wsse:Password Type=\\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\\">${pw}</wsse:Password></wsse:UsernameToken>";\n`,
        file: 'src/main/java/DanCu.java',
        key: 'Password',
        secret: pw,
      },
      { text: `<password>${pw}</password>\n`, file: 'pom.xml', key: 'password', secret: pw },
    ],
    negatives: [
      inSoap('<dan:MatKhau>${matKhau}</dan:MatKhau>', 'interpolation'),
      inSoap('<dan:MatKhau>${process.env.DANCU_MATKHAU}</dan:MatKhau>'),
      inSoap('<dan:MatKhau>{{matKhau}}</dan:MatKhau>'),
      inSoap('<dan:MatKhau>%s</dan:MatKhau>', 'format hole'),
      inSoap('<dan:MatKhau>{0}</dan:MatKhau>'),
      inSoap('<dan:MatKhau>changeme</dan:MatKhau>', 'placeholder'),
      inSoap('<dan:MatKhau>?</dan:MatKhau>'),
      inSoap('<wsse:BinarySecurityToken>MIIBkTCB+wIJAKHHIG1b5xQ2MA0GCSqGSIb3</wsse:BinarySecurityToken>', 'public material'),
      inSoap('<dan:HoTen>Nguyen Van A</dan:HoTen>', 'not a credential name'),
      { text: 'String x = "<dan:MatKhau>" + matKhau + "</dan:MatKhau>";\n', file: 'A.java', othersMayMatch: true, note: 'concatenation' },
    ],
  },
};
