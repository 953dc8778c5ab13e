// npm run build:schema [-- --check]
//
// Generates the JSON Schemas in src/contracts/schemas/ from the TypeScript types that
// are their source of truth (with ts-json-schema-generator; constraints are JSDoc tags
// on the types: @asType integer, @minimum, @pattern, @minLength, @maxLength):
//   facts.json     the facts document (src/facts/types.ts `Facts`): ajv checks it at the
//                  collect → evaluate boundary, `opa check --schema` checks the policies
//   taxonomy.json  categories, severities and the rule-id shape (src/contracts/taxonomy.ts):
//                  read by the build scripts and referenced by the config schema
// The output is deterministic. With --check nothing is written: exit 1 when a committed
// schema differs from a fresh generation (test/facts/schema.test.ts runs the same check).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ID_BASE = 'https://dancu-guard.invalid/schemas/';

export const SCHEMAS = [
  {
    out: 'src/contracts/schemas/facts.json',
    source: 'src/facts/types.ts',
    type: 'Facts',
    title: 'dancu-guard facts document (input to the Rego policies)',
  },
  {
    out: 'src/contracts/schemas/taxonomy.json',
    source: 'src/contracts/taxonomy.ts',
    type: '*',
    title: 'dancu-guard finding taxonomy: categories, severities, rule ids',
  },
];

/** Each schema as the text to commit, generated from its TypeScript source. */
export function generateSchemas(root = REPO_ROOT) {
  return SCHEMAS.map(({ out, source, type, title }) => {
    const generated = createGenerator({
      path: join(root, source),
      tsconfig: join(root, 'tsconfig.json'),
      type,
      // The root is the type itself (not a $ref to it), so `properties` sit at the top
      // where OPA's schema checker and the readers of the file expect them. (For '*',
      // every exported type is a definition and the root has none to refer to.)
      topRef: type === '*',
      // Properties in the order the types declare them.
      sortProps: false,
      additionalProperties: false,
      // The program is type-checked by `npm run typecheck`; here it only slows the build.
      skipTypeCheck: true,
    }).createSchema(type);
    const { $schema, definitions, ...body } = generated;
    const schema = { $schema, $id: `${ID_BASE}${out.split('/').pop()}`, title, ...body, ...(definitions ? { definitions } : {}) };
    return { out, text: `${JSON.stringify(schema, null, 2)}\n` };
  });
}

/** Paths of the committed schemas that differ from a fresh generation. */
export function staleSchemas(root = REPO_ROOT) {
  return generateSchemas(root)
    .filter(({ out, text }) => {
      try {
        return readFileSync(join(root, out), 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(({ out }) => out);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = staleSchemas();
    if (stale.length) {
      process.stderr.write(`build-schema: stale (run npm run build:schema and commit): ${stale.join(', ')}\n`);
      process.exit(1);
    }
    process.stdout.write('build-schema: every generated schema is fresh\n');
  } else {
    for (const { out, text } of generateSchemas()) {
      writeFileSync(join(REPO_ROOT, out), text);
      process.stdout.write(`build-schema: ${out}\n`);
    }
  }
}
