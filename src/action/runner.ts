/**
 * What a GitHub Actions runner gives a JavaScript action and takes back, written out
 * (rather than taken from @actions/core, which pulls in an HTTP client we do not use):
 *
 * - inputs: `INPUT_<NAME>` environment variables, the name upper-cased with spaces as
 *   `_` and dashes kept (`fail-on` → `INPUT_FAIL-ON`);
 * - outputs: appended to the file `$GITHUB_OUTPUT` as `name<<DELIMITER` blocks;
 * - the job summary: Markdown appended to the file `$GITHUB_STEP_SUMMARY`;
 * - workflow commands on stdout (`::error file=…,line=…::message`, `::group::`), with
 *   the runner's escaping (report/github.ts).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { escapeData, escapeLogLine, escapeProperty } from '../report/github.js';

export type Env = Record<string, string | undefined>;

export interface Runner {
  /** An input's value, trimmed; '' when not set. */
  input(name: string): string;
  /** Set an output (also when there is no $GITHUB_OUTPUT: then it is only logged). */
  setOutput(name: string, value: string): void;
  /** Append Markdown to the job summary; false when there is no $GITHUB_STEP_SUMMARY. */
  appendSummary(markdown: string): boolean;
  info(line: string): void;
  /** Workflow commands produced by the github formatter (its data already escaped). */
  write(text: string): void;
  warning(message: string, props?: CommandProps): void;
  error(message: string, props?: CommandProps): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

export interface CommandProps {
  title?: string;
  file?: string;
  line?: number;
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** One workflow command line. */
export function workflowCommand(kind: string, props: CommandProps | undefined, message: string): string {
  const p = Object.entries(props ?? {})
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

/** A `name<<DELIMITER … DELIMITER` block for $GITHUB_OUTPUT (value may span lines). */
export function outputBlock(name: string, value: string): string {
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter) || name.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

export function createRunner(env: Env, out: (s: string) => void = (s) => void process.stdout.write(s)): Runner {
  // Every plain line goes through the one escaper (report/github.ts): whatever it
  // quotes from the repository, it cannot become a workflow command.
  const line = (s: string) => out(`${escapeLogLine(s)}\n`);
  const command = (s: string) => out(`${s}\n`);
  return {
    input(name) {
      return (env[inputEnvName(name)] ?? '').trim();
    },
    setOutput(name, value) {
      const file = env.GITHUB_OUTPUT;
      if (file) appendFileSync(file, outputBlock(name, value), 'utf8');
      else line(`output ${name}=${value}`);
    },
    appendSummary(markdown) {
      const file = env.GITHUB_STEP_SUMMARY;
      if (!file) return false;
      appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
      return true;
    },
    info: line,
    write(text) {
      out(text.endsWith('\n') || text === '' ? text : `${text}\n`);
    },
    warning(message, props) {
      command(workflowCommand('warning', props, message));
    },
    error(message, props) {
      command(workflowCommand('error', props, message));
    },
    async group(title, fn) {
      command(`::group::${escapeData(title)}`);
      try {
        return await fn();
      } finally {
        command('::endgroup::');
      }
    },
  };
}
