/**
 * The tree-sitter query of the Go collector (grammar `tree-sitter-go`).
 *
 * Framework captures (see ../README.md): function, lambda, class, call, new, loop,
 * string, decl, assign, import. A method's *body* is its `@function` and the method
 * declaration its `@class`, so a method is named `Type.Method` (the receiver's type)
 * while same-file callers still find it by its name (`s.lookup(id)` → `lookup`).
 * Go's own: `keyed` (a `Key: value` element of a composite literal).
 */
export const GO_QUERY = String.raw`
(function_declaration) @function
(method_declaration body: (block) @function)
(method_declaration) @class
(func_literal) @lambda
(call_expression) @call
(composite_literal) @new
(for_statement) @loop
[(interpreted_string_literal) (raw_string_literal)] @string
[(var_spec) (const_spec) (short_var_declaration) (parameter_declaration) (variadic_parameter_declaration) (field_declaration)] @decl
(assignment_statement) @assign
(import_spec) @import
(keyed_element) @keyed
`;
