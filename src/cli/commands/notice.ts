/**
 * `dancu-guard notice [PATH]`: draft the written notice of a change (R5) to the
 * provincial Đề án 06 working group, in Vietnamese, as Markdown.
 */
import { writeOutput } from '../../util/files.js';
import type { Command } from 'commander';
import { draftNotice } from '../../gate/notice.js';
import { sharedOptions } from '../options.js';
import { progressReporter } from '../progress.js';

interface NoticeCliOptions {
  goLive?: string;
  submitted?: string;
  output?: string;
  config?: string;
  declaration?: string;
  progress: boolean;
}

export function registerNoticeCommand(program: Command): void {
  program
    .command('notice')
    .description('draft the written notice of a change to the provincial Đề án 06 working group (Markdown, Vietnamese)')
    .argument('[path]', 'root of the repository', '.')
    .option('--go-live <date>', 'planned go-live, YYYY-MM-DD (default: the earliest legal date)')
    .option('--submitted <date>', 'date the notice is sent, YYYY-MM-DD (default: today in Vietnam, UTC+7)')
    .addOption(sharedOptions.output('the draft'))
    .addOption(sharedOptions.config())
    .addOption(sharedOptions.declaration())
    .addOption(sharedOptions.noProgress())
    .addHelpText(
      'after',
      `
The earliest legal go-live is the day after the 10th working day counted from the day
after submission (weekends, public holidays, compensatory days and the government's
swapped days off do not count; add local days in .dancu-guard.yml calendar: {off, work}).

Examples:
  dancu-guard notice . --submitted 2026-10-01 --go-live 2026-11-30 --output thong-bao.md`,
    )
    .action(async (path: string, opts: NoticeCliOptions) => {
      process.exitCode = await noticeCommand(path, opts);
    });
}

export async function noticeCommand(path: string, opts: NoticeCliOptions): Promise<number> {
  const progress = progressReporter(opts.progress);
  let draft;
  try {
    draft = await draftNotice({
      path,
      ...(opts.submitted ? { submitted: opts.submitted } : {}),
      ...(opts.goLive ? { goLive: opts.goLive } : {}),
      ...(opts.config ? { configPath: opts.config } : {}),
      ...(opts.declaration ? { declarationPath: opts.declaration } : {}),
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  if (opts.output) {
    writeOutput(opts.output, draft.markdown);
    process.stderr.write(`dancu-guard: notice drafted to ${opts.output} (earliest legal go-live ${draft.earliestGoLive})\n`);
  } else {
    process.stdout.write(draft.markdown);
  }
  if (!draft.sufficient) {
    process.stderr.write(
      `dancu-guard: warning: go-live ${draft.goLive} is fewer than 10 working days after ${draft.submitted}; the earliest legal go-live is ${draft.earliestGoLive}\n`,
    );
  }
  return 0;
}
