/**
 * How a GitHub Actions runner reads a step's log: line by line (a line ends at CR, LF
 * or CRLF, as .NET's ReadLine splits), each line a workflow command when, after leading
 * white space, it starts with `::name …::` (the current syntax) or holds `##[name …]`
 * anywhere (the older one), for a registered command name. A model of the runner's
 * ActionCommand.TryParseV2 / TryParse, for asserting that nothing the repository wrote
 * becomes a command.
 */

/** Commands the runner registers (add-mask, stop-commands, … and the annotations). */
export const RUNNER_COMMANDS = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
] as const;

export interface ParsedCommand {
  name: string;
  line: string;
  syntax: 'v2' | 'v1';
}

/** The workflow commands a runner would act on in `log`. */
export function runnerCommands(log: string): ParsedCommand[] {
  const out: ParsedCommand[] = [];
  for (const line of log.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(/^\s+/, '');
    if (trimmed.startsWith('::')) {
      const end = trimmed.indexOf('::', 2);
      if (end >= 0) {
        const info = trimmed.slice(2, end);
        const name = info.split(' ')[0]!;
        if ((RUNNER_COMMANDS as readonly string[]).includes(name)) {
          out.push({ name, line, syntax: 'v2' });
          continue;
        }
      }
    }
    const at = line.indexOf('##[');
    if (at >= 0) {
      const rb = line.indexOf(']', at);
      if (rb >= 0) {
        const name = line.slice(at + 3, rb).split(' ')[0]!;
        if ((RUNNER_COMMANDS as readonly string[]).includes(name)) out.push({ name, line, syntax: 'v1' });
      }
    }
  }
  return out;
}
