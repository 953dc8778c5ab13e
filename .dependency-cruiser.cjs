// npm run check:cycles: no import cycle in src/, type-only imports included (a cycle
// of types still couples the modules and makes their order of evaluation matter the
// day one of them gains a value import).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules in src/ must not import each other in a cycle (type-only imports count).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve would hide part of the graph from the cycle check.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Keep `import type` and type-only re-exports in the graph.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Resolve packages as Node does (ESM `exports`), so none counts as unresolvable.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    exclude: { path: '^(test|scripts|dist|dist-action|examples)/' },
  },
};
