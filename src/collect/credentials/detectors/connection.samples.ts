/** Samples of `./connection.ts` (synthetic). */
import { HEX, fake } from './fake.js';
import type { SampleSet } from './types.js';

const pw = `${fake(12, 61)}!9`;

export const samples: SampleSet = {
  'url-credentials': {
    positives: [
      { text: `const u = "https://dvc:${pw}@lgsp.tinhmau.gov.vn/api";\n`, file: 'src/x.ts', kind: 'basic-auth-url', secret: pw },
      { text: `DATABASE_URL=mongodb://dvc:${pw}@db:27017/dvc\n`, kind: 'connection-string', secret: pw },
      { text: `git+https://${fake(40, 62, HEX)}:x-oauth-basic@github.com/o/r.git\n`, note: 'the user part is the token' },
    ],
    negatives: [
      { text: 'const q = "https://user:${PASS}@lgsp.tinhmau.gov.vn";\n', file: 'src/x.ts', note: 'placeholder' },
      { text: 'const d = "https://user:s3cr3tpass@example.com";\n', file: 'src/x.ts', note: 'documentation host' },
      { text: 'see http://host:8080/users/@me\n', note: 'a port and a path' },
    ],
  },
  'oracle-thin': {
    positives: [{ text: `String o = "jdbc:oracle:thin:dvc/${pw}@db:1521:ORCL";\n`, file: 'src/A.java', secret: pw }],
    negatives: [{ text: 'String o = "jdbc:oracle:thin:dvc/password@db:1521:ORCL";\n', file: 'src/A.java', note: 'dummy' }],
  },
  'connection-string-password': {
    positives: [
      { text: `const ado = "Server=db;Database=dvc;User Id=sa;Password=${pw};";\n`, file: 'src/x.ts', secret: pw },
      { text: `String j = "jdbc:mysql://db/dvc?user=dvc&password=${pw}";\n`, file: 'src/A.java', secret: pw },
    ],
    negatives: [
      { text: 'const p = "Server=db;Password=${DB_PASSWORD};";\n', file: 'src/x.ts' },
      { text: 'const c = "password=" + pwd;\n', file: 'src/x.ts', note: 'no connection string' },
    ],
  },
  'sql-password': {
    positives: [{ text: `CREATE USER dvc_app IDENTIFIED BY "${pw}";\n`, file: 'db/001_roles.sql', key: 'PASSWORD', secret: pw }],
    negatives: [
      { text: "CREATE ROLE dvc_ro LOGIN PASSWORD :'ro_password';\n", file: 'db/001_roles.sql', note: 'a psql variable' },
      { text: "-- the function identified by 'lookup_cong_dan' is cached\n", file: 'db/002.sql', note: 'prose' },
    ],
  },
};
