/**
 * The collectors for manifests, config files and plain text, in a stable order:
 * structured collectors first, the plain-text scan last.
 */
import { appsettingsCollector } from './json.js';
import { dockerfileCollector } from './dockerfile.js';
import { dotenvCollector } from './dotenv.js';
import { propertiesCollector } from './properties.js';
import { textCollector } from '../credentials/text.js';
import type { Collector } from '../types.js';
import { yamlCollector } from './yaml/index.js';

export function manifestCollectors(): Collector[] {
  return [yamlCollector, dotenvCollector, propertiesCollector, appsettingsCollector, dockerfileCollector, textCollector];
}

export { appsettingsCollector, dockerfileCollector, dotenvCollector, propertiesCollector, textCollector, yamlCollector };
