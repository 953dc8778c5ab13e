/**
 * The tree-sitter query of the PHP collector (grammar `tree-sitter-php`, the `php`
 * flavour: HTML around `<?php` is text).
 *
 * Framework captures (see ../README.md): function, lambda, class, call, new, loop,
 * string, decl, assign, annotation, import. PHP's own: `pair` (an array element
 * `key => value`), `var` (a variable, for `$argv`).
 */
export const PHP_QUERY = String.raw`
[(method_declaration) (function_definition)] @function
[(anonymous_function) (arrow_function)] @lambda
[(class_declaration) (interface_declaration) (trait_declaration) (enum_declaration) (anonymous_class)] @class
[(function_call_expression) (member_call_expression) (nullsafe_member_call_expression) (scoped_call_expression)] @call
(object_creation_expression) @new
[(for_statement) (foreach_statement) (while_statement) (do_statement)] @loop
[(string) (encapsed_string) (heredoc) (nowdoc)] @string
[(property_element) (const_element) (simple_parameter) (variadic_parameter) (property_promotion_parameter) (static_variable_declaration) (assignment_expression)] @decl
((function_call_expression function: (name) @_define) @decl (#eq? @_define "define"))
[(assignment_expression) (augmented_assignment_expression)] @assign
(attribute) @annotation
(namespace_use_declaration) @import
(array_element_initializer) @pair
((variable_name (name) @_argv) @var (#match? @_argv "^(argv|argc)$"))
`;
