/**
 * The tree-sitter query of the C# collector (grammar `tree-sitter-c-sharp`).
 *
 * Framework captures (see ../README.md): function, lambda, class, call, new, loop,
 * string, decl, assign, annotation, import. C#'s own: `global` (top-level
 * statements), `anon` (anonymous objects `new { password = "…" }`), `init`
 * (collection initialisers `{ "key", "value" }`), `tls.member`
 * (`HttpClientHandler.DangerousAcceptAnyServerCertificateValidator`).
 */
export const CSHARP_QUERY = String.raw`
[(method_declaration) (constructor_declaration) (local_function_statement) (destructor_declaration) (operator_declaration) (property_declaration)] @function
[(lambda_expression) (anonymous_method_expression)] @lambda
[(class_declaration) (struct_declaration) (interface_declaration) (record_declaration) (enum_declaration)] @class
[(object_creation_expression) (implicit_object_creation_expression)] @new
(invocation_expression) @call
[(for_statement) (foreach_statement) (while_statement) (do_statement)] @loop
[(string_literal) (verbatim_string_literal) (raw_string_literal) (interpolated_string_expression)] @string
[(variable_declarator) (parameter) (property_declaration)] @decl
(assignment_expression) @assign
(attribute) @annotation
(using_directive) @import
(global_statement) @global
(anonymous_object_creation_expression) @anon
(initializer_expression (initializer_expression) @init)
((member_access_expression
   name: (identifier) @tls.name) @tls.member
 (#eq? @tls.name "DangerousAcceptAnyServerCertificateValidator"))
`;
