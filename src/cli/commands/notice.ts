/**
 * `dancu-guard notice [PATH]`: draft the written notice of a change (R5) to the
 * provincial Đề án 06 working group, in Vietnamese, as Markdown.
 */
import { writeOutput } from '../../util/files.js';
import { Option, type Command } from 'commander';
import { sharedOptions } from '../options.js';
import { unitName } from '../../gate/provinces.js';
import { UsageError } from '../../util/errors.js';
import { progressReporter } from '../progress.js';

interface NoticeCliOptions {
  format?: 'markdown' | 'docx';
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
    .description('draft the written notice of a change to the provincial Đề án 06 working group (Vietnamese; Markdown or .docx)')
    .argument('[path]', 'root of the repository', '.')
    .addOption(
      new Option('-f, --format <format>', 'markdown, or docx (Nghị định 30/2020/NĐ-CP layout; needs --output)').choices(['markdown', 'docx']).default('markdown'),
    )
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
  dancu-guard notice . --submitted 2026-10-01 --go-live 2026-11-30 --output thong-bao.md
  dancu-guard notice . --format docx --output thong-bao.docx`,
    )
    .action(async (path: string, opts: NoticeCliOptions) => {
      process.exitCode = await noticeCommand(path, opts);
    });
}

export async function noticeCommand(path: string, opts: NoticeCliOptions): Promise<number> {
  const format = opts.format ?? 'markdown';
  if (format === 'docx' && !opts.output) throw new UsageError('--format docx needs --output FILE (a .docx is not printed on the terminal)');
  const progress = progressReporter(opts.progress);
  let draft;
  try {
    const { draftNotice } = await import('../../gate/notice.js');
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
  const p = draft.province;
  if (p && p.via !== 'current') {
    process.stderr.write(
      p.via === 'merged'
        ? `dancu-guard: notice: province "${p.input}" was merged into ${unitName(p.unit)} on 2025-07-01 (Nghị quyết 202/2025/QH15); the notice is addressed to ${unitName(p.unit)} — write "province: ${p.unit.name}" in the declaration\n`
        : `dancu-guard: notice: "${p.input}" is now ${unitName(p.unit)}; the notice uses the current name\n`,
    );
  }
  if (format === 'docx') {
    const { noticeDocx } = await import('../../gate/notice-docx.js');
    writeOutput(opts.output!, await noticeDocx(draft.letter));
    process.stderr.write(`dancu-guard: notice drafted to ${opts.output} (.docx; earliest legal go-live ${draft.earliestGoLive})\n`);
  } else if (opts.output) {
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
