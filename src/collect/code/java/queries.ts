/**
 * The tree-sitter query of the Java collector (grammar `tree-sitter-java`).
 *
 * Framework captures (see ../README.md): function, lambda, class, call, new, loop,
 * string, decl, assign, annotation, import, ref. Java's own: `tls.member` (a
 * trust-all / no-verification singleton such as `NoopHostnameVerifier.INSTANCE`).
 */
export const JAVA_QUERY = String.raw`
[(method_declaration) (constructor_declaration) (compact_constructor_declaration)] @function
(lambda_expression) @lambda
[(class_declaration) (interface_declaration) (enum_declaration) (record_declaration) (annotation_type_declaration)] @class
(object_creation_expression (class_body)) @class
(object_creation_expression) @new
(method_invocation) @call
[(for_statement) (enhanced_for_statement) (while_statement) (do_statement)] @loop
(string_literal) @string
[(variable_declarator) (formal_parameter) (spread_parameter)] @decl
(assignment_expression) @assign
[(annotation) (marker_annotation)] @annotation
(import_declaration) @import
(method_reference) @ref
((field_access
   object: (identifier) @tls.class
   field: (identifier) @tls.field) @tls.member
 (#match? @tls.class "^(NoopHostnameVerifier|TrustAllStrategy|TrustSelfSignedStrategy|InsecureTrustManagerFactory|SSLConnectionSocketFactory|SSLSocketFactory|NoopHostnameVerifier)$")
 (#match? @tls.field "^(INSTANCE|ALLOW_ALL_HOSTNAME_VERIFIER)$"))
`;
