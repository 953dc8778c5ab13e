/**
 * The facts document is checked against its JSON Schema at the boundary between the
 * collectors and the policies: a collector bug must not reach Rego as a silently
 * different shape (a rule that finds nothing would then pass). The schema is generated
 * from ./types.ts (`npm run build:schema`).
 */
import { Ajv } from 'ajv';
import { PolicyError } from '../util/errors.js';
import type { Facts } from './types.js';
import schema from '../contracts/schemas/facts.json' with { type: 'json' };

const ajv = new Ajv({ allErrors: false, strict: false });
const validateFn = ajv.compile<Facts>(schema);

export function factsErrors(facts: unknown): string[] {
  if (validateFn(facts)) return [];
  return (validateFn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
}

export function assertValidFacts(facts: unknown): asserts facts is Facts {
  const errors = factsErrors(facts);
  if (errors.length > 0) {
    throw new PolicyError(`internal error: the facts document does not match its schema: ${errors.join('; ')}`);
  }
}
