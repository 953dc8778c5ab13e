/** Samples of `./auth-header.ts` (synthetic). */
import { b64, fake } from './fake.js';
import type { SampleSet } from './types.js';

export const samples: SampleSet = {
  'basic-auth-header': {
    positives: [
      { text: `headers: { Authorization: 'Basic ${b64(`dvc-tinhmau:${fake(14, 21)}`)}' }\n`, file: 'src/a.ts', key: 'Authorization' },
      { text: `new AuthenticationHeaderValue("Basic", "${b64(`dvc:${fake(12, 22)}`)}");\n`, file: 'src/A.cs' },
    ],
    negatives: [
      { text: `const header = 'Basic ${b64('dvc-tinhmau:changeme')}';\n`, file: 'src/a.ts', note: 'placeholder password' },
      { text: 'Authorization: Basic realm="dancu"\n', note: 'a challenge, not credentials' },
    ],
  },
  'bearer-token': {
    positives: [{ text: `curl -H "Authorization: Bearer ${fake(32, 23)}" https://lgsp.tinh-mau.gov.vn/api\n`, file: 'run.sh', key: 'Authorization' }],
    negatives: [
      { text: 'Authorization: Bearer ${TOKEN}\n' },
      { text: "const h = { Authorization: 'Bearer ' + token };\n", file: 'src/a.ts' },
    ],
  },
  'curl-user': {
    positives: [{ text: `curl -u dvc:${fake(12, 24)} https://lgsp.tinh-mau.gov.vn/api\n`, file: 'run.sh', key: '--user' }],
    negatives: [
      { text: 'curl -u dvc:$DANCU_PASSWORD https://lgsp.tinh-mau.gov.vn/api\n', file: 'run.sh' },
      { text: 'curl --user admin:admin https://lgsp.tinh-mau.gov.vn/api\n', file: 'run.sh', note: 'dummy' },
    ],
  },
  'powershell-plaintext-securestring': {
    positives: [{ text: `$pw = ConvertTo-SecureString "${fake(14, 25)}" -AsPlainText -Force\n`, file: 'deploy.ps1', key: 'ConvertTo-SecureString' }],
    negatives: [{ text: '$pw = ConvertTo-SecureString $env:DANCU_PASSWORD -AsPlainText -Force\n', file: 'deploy.ps1' }],
  },
  'literal-credential-pair': {
    positives: [
      { text: `r = requests.get(url, auth=("dvc", "${fake(14, 26)}"))\n`, file: 'src/a.py', key: 'password' },
      { text: `var c = new NetworkCredential("dvc", "${fake(14, 27)}");\n`, file: 'src/A.cs' },
    ],
    negatives: [
      { text: 'r = requests.get(url, auth=(user, password))\n', file: 'src/a.py' },
      { text: 'r = requests.get(url, auth=("admin", "admin"))\n', file: 'src/a.py', note: 'dummy' },
    ],
  },
};
