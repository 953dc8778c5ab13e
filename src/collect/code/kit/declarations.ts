/** Building `Declaration`s and reading assignments, the same way in every language. */
import type { Declaration, Node } from '../types.js';

export interface DeclarationParts {
  /** The declared name when it is not the name node's text (`$url` → `url`). */
  name?: string;
  constant?: boolean;
  annotations?: Node[];
  value?: Node | null | undefined;
  type?: string | undefined;
  typeArgs?: string[];
}

/** A declaration of `nameNode`; optional parts are set only when there is something to set. */
export function declared(nameNode: Node, kind: Declaration['kind'], parts: DeclarationParts = {}): Declaration {
  const d: Declaration = { name: parts.name ?? nameNode.text, nameNode, kind, constant: parts.constant ?? false, annotations: parts.annotations ?? [] };
  if (parts.value) d.value = parts.value;
  if (parts.type) d.type = parts.type;
  if (parts.typeArgs?.length) d.typeArgs = parts.typeArgs;
  return d;
}

/** The target and value of an assignment node (`left`/`right` fields), with its operator (`=` unless written). */
export function assignmentSides(node: Node): { left: Node; value: Node; operator: string } | undefined {
  const left = node.childForFieldName('left');
  const value = node.childForFieldName('right');
  if (!left || !value) return undefined;
  return { left, value, operator: node.childForFieldName('operator')?.text ?? '=' };
}
