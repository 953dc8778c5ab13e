/** The tool signals of a file (a CLI, a cron job, a browser robot…): the most specific one is the file's tool. */
import type { ToolFact, ToolKind } from '../../../facts/types.js';

/** Priority of tool kinds when a file shows several signals: the most specific first. */
export const TOOL_PRIORITY: readonly ToolKind[] = ['browser-automation', 'console-command', 'cron', 'bin', 'cli', 'script', 'notebook'];

export class ToolSignals {
  private readonly found: Array<ToolFact & { weak: boolean }> = [];

  /** `weak`: a lesser reason of its kind (reading `process.argv`), used only when there is no other. */
  add(kind: ToolKind, reason: string, line: number, weak = false): void {
    this.found.push({ kind, reason, line, weak });
  }

  best(): ToolFact | undefined {
    let best: (ToolFact & { weak: boolean }) | undefined;
    for (const f of this.found) {
      const pf = TOOL_PRIORITY.indexOf(f.kind);
      const pb = best ? TOOL_PRIORITY.indexOf(best.kind) : Infinity;
      if (pf < pb || (pf === pb && best?.weak && !f.weak)) best = f;
    }
    return best ? { kind: best.kind, reason: best.reason, line: best.line } : undefined;
  }
}
