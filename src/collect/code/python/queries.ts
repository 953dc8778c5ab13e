/**
 * The tree-sitter query of the Python collector (grammar `tree-sitter-python`).
 *
 * Framework captures (see ../README.md): function, lambda, class, call, loop, string,
 * decl, assign, annotation (decorators), import. Python's own: `kwarg` (a keyword
 * argument `name=value`), `pair` (a dict entry `key: value`), `main` (the
 * `if __name__ == "__main__":` guard), `attr` (an attribute access, for `ssl.CERT_NONE`
 * / `ssl._create_unverified_context`).
 */
export const PY_QUERY = String.raw`
(function_definition) @function
(lambda) @lambda
(class_definition) @class
(call) @call
[(for_statement) (while_statement) (list_comprehension) (set_comprehension) (dictionary_comprehension) (generator_expression)] @loop
(string) @string
[(assignment) (parameters) (lambda_parameters) (with_item)] @decl
[(assignment) (augmented_assignment)] @assign
(decorator) @annotation
[(import_statement) (import_from_statement)] @import
(keyword_argument) @kwarg
(pair) @pair
((if_statement condition: (comparison_operator (identifier) @_name (string) @_main)) @main (#eq? @_name "__name__") (#match? @_main "__main__"))
((attribute attribute: (identifier) @_attr) @attr (#match? @_attr "^(CERT_NONE|_create_unverified_context|check_hostname|disable_warnings|argv)$"))
`;
