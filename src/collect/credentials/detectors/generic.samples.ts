/** Samples of `./generic.ts`: a literal after a credential name, in any syntax (synthetic). */
import { fake } from './fake.js';
import type { DetectorSample, SampleSet } from './types.js';

const v = fake(20, 70);
const at = (file: string, line: string, key: string): DetectorSample => ({ text: `${line}\n`, file, key, secret: v });
const not = (file: string, line: string, note?: string): DetectorSample => ({ text: `${line}\n`, file, ...(note ? { note } : {}) });

export const samples: SampleSet = {
  'keyword-context': {
    positives: [
      at('src/a.ts', `const C06_SECRET_KEY = '${v}';`, 'C06_SECRET_KEY'),
      at('src/a.ts', `export const cfg = { keyPass: "${v}" };`, 'keyPass'),
      at('src/a.ts', `const t = process.env.LGSP_TOKEN || '${v}';`, 'process.env.LGSP_TOKEN'),
      at('src/a.py', `api_key = os.getenv("C06_API_KEY", "${v}")`, 'C06_API_KEY'),
      at('src/A.java', `builder.setPassword("${v}");`, 'builder.setPassword'),
      at('src/a.go', `dbPassword := "${v}"`, 'dbPassword'),
      at('config/database.php', `'password' => env('DB_PASSWORD', '${v}'),`, 'DB_PASSWORD'),
      at('config/database.php', `define('LGSP_ACCESS_TOKEN', '${v}');`, 'LGSP_ACCESS_TOKEN'),
      at('.env', `CSDLDanCu_Password=${v}`, 'CSDLDanCu_Password'),
      at('app.yml', `  lgspaccesstoken: ${v}`, 'lgspaccesstoken'),
      at('app.yml', `  consumer_secret: "${v}"`, 'consumer_secret'),
      at('app.properties', `dancu.api.password=${v}`, 'dancu.api.password'),
      at('Web.config', `<add key="C06_apiKey" value="${v}" />`, 'C06_apiKey'),
      at('Web.config', `<add key="ida:ClientSecret" value="${v}" />`, 'ida:ClientSecret'),
      at('c.postman_collection.json', `{"key": "x-api-key", "value": "${v}"}`, 'x-api-key'),
      at('run.sh', `mysql -u root --password=${v} dvc`, 'password'),
      at('run.sh', `vault login --token ${v}`, 'token'),
      at('a.json', `{"partnerCode": "MOMO", "secretKey": "${v}"}`, 'secretKey'),
      // Vietnamese names: mật khẩu, khóa bí mật.
      at('notes.txt', `DANCU_MATKHAU=${v}`, 'DANCU_MATKHAU'),
      at('notes.txt', `mat_khau: "${v}"`, 'mat_khau'),
    ],
    negatives: [
      not('src/a.ts', 'password: process.env.DANCU_PASSWORD,'),
      not('src/a.ts', "const secret = this.config.get('JWT_SECRET');"),
      not('src/a.py', 'password = os.environ["DANCU_PASSWORD"]'),
      not('src/a.py', 'SECRET_KEY = os.getenv("SECRET_KEY")'),
      not('src/A.java', 'String password = System.getenv("DB_PASSWORD");'),
      not('src/A.cs', 'var key = Environment.GetEnvironmentVariable("C06_SECRET_KEY");'),
      not('.env', 'DB_PASSWORD=${DB_PASSWORD}'),
      not('.env', 'DB_PASSWORD='),
      not('.env', 'C06_SECRET_KEY=changeme'),
      not('.env', 'LGSP_TOKEN=not_a_real_token'),
      not('.env', 'API_KEY=YOUR_API_KEY'),
      not('.env', 'PASSWORD=1234'),
      not('.env', 'PASSWORD=password'),
      not('.env', 'TOKEN=xxxx-xxxx-xxxx'),
      not('app.yml', '  password: "Mật khẩu"', 'prose'),
      not('app.yml', '  token: Mã xác thực', 'prose'),
      not('app.yml', '  password: vault:secret/data/dancu#password', 'a secret-store reference'),
      not('app.yml', '  secret: "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x/)"'),
      not('app.yml', '  token: arn:aws:secretsmanager:ap-southeast-1:000000000000:secret:x'),
      not('app.yml', '  password: "{{ .Values.dancu.password }}"'),
      not('app.yml', '  tokenUrl: https://lgsp.tinhmau.gov.vn/token'),
      not('app.yml', '  passwordFile: /run/secrets/dancu'),
      not('app.yml', '  requestId: f47ac10b-58cc-4372-a567-0e02b2c3d479'),
      not('app.yml', '  commit: 9fceb02d0ae598e95dc970b74767f19372d61af8'),
      not('app.yml', '  publicKey: MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7vT2xR9pLw4KzN8sYc3HdF'),
      not('app.properties', 'label.password=M\\u1EADt kh\\u1EA9u', 'a label with unicode escapes'),
      not('i18n/vi.json', '"passwordPlaceholder": "Nhập mật khẩu",'),
      not('src/a.ts', "const TOKEN_KEY = 'auth_token';"),
      not('src/a.ts', "export const tokenType = 'Bearer';"),
      not('src/a.ts', '// Set DANCU_PASSWORD=<mật khẩu> in .env'),
      not('test.json', '{"Output":"--- PASS: TestAscii\\n"}'),
      not('package-lock.json', `"secret": "sha512-${fake(43, 71)}=="`, 'lock files are skipped'),
      not('a.yml', 'SIGNATURE_HMAC_SHA256 = "HMAC-SHA256"'),
    ],
  },
};
