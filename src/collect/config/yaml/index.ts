/**
 * The YAML collector: Kubernetes manifests, Helm values (and templates, with Go-template
 * actions masked), docker-compose, GitHub workflows, Spring `application*.yml`, other
 * YAML. Multi-document files; exact lines from `yaml`'s `LineCounter`; a document that
 * fails to parse yields a `parse-error` diagnostic and the others are still read — except
 * in a Helm template, which is not YAML until rendered: a document that does not parse
 * even masked is read line by line (./lines.ts), with no diagnostic.
 */
import type { ConfigFormat } from '../../../facts/types.js';
import type { DiscoveredFile } from '../../../discover/types.js';
import { isLockFile } from '../../credentials/values.js';
import { factsFromEntries } from '../entries.js';
import { perFile } from '../per-file.js';
import type { Collector } from '../../types.js';
import { templateEntries, yamlEntries } from './formats.js';
import { lineLeaves } from './lines.js';
import { append } from '../../../util/arrays.js';
import { parseYaml } from './tree.js';

const YAML_FORMATS = new Set<ConfigFormat>(['k8s', 'helm-values', 'compose', 'github-workflow', 'spring', 'yaml']);

function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

export const yamlCollector: Collector = {
  name: 'yaml',
  appliesTo: (f: DiscoveredFile) =>
    f.kind !== 'doc' &&
    f.format !== undefined &&
    YAML_FORMATS.has(f.format) &&
    (f.format !== 'spring' || isYamlPath(f.path)) &&
    !isLockFile(f.path),
  collect(files, ctx) {
    return perFile(files, ctx, (file, text, out) => {
      const { docs, diagnostics, templateLines } = parseYaml(text, file.path);
      append(out.diagnostics, diagnostics);
      for (const doc of docs) {
        factsFromEntries(file.path, yamlEntries(doc, file.format), ctx.settings, file.format, 'colon', out);
      }
      // A Helm template's documents that do not parse even masked: read line by line.
      for (const [from, to] of templateLines?.spans ?? []) {
        const entries = templateEntries(lineLeaves(templateLines?.text ?? '', from, to), file.format);
        factsFromEntries(file.path, entries, ctx.settings, file.format, 'colon', out);
      }
    });
  },
};

export { parseYaml } from './tree.js';
export { yamlEntries } from './formats.js';
