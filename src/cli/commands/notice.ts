/**
 * `dancu-guard notice [PATH]`: draft the written notice of a change (R5) to the
 * provincial Đề án 06 working group, in Vietnamese, as Markdown.
 */
import { writeOutput } from '../../util/files.js';
import type { Command } from 'commander';
import { translator, type Translate } from '../../report/i18n.js';
import { notifier } from '../io.js';
import { resolveLang, sharedOptions } from '../options.js';
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
  lang?: 'vi' | 'en';
  progress: boolean;
}

export function registerNoticeCommand(program: Command, T: Translate = translator('en')): Command {
  const o = sharedOptions(T);
  return program
    .command('notice')
    .description(T('notice.description'))
    .argument('[path]', T('fingerprint.arg.path'), '.')
    .addOption(o.format(['markdown', 'docx'], 'markdown', T('notice.opt.format')))
    .option('--go-live <date>', T('notice.opt.goLive'))
    .option('--submitted <date>', T('notice.opt.submitted'))
    .addOption(o.output(T('notice.opt.output')))
    .addOption(o.config())
    .addOption(o.declaration())
    .addOption(o.lang())
    .addOption(o.noProgress())
    .addHelpText('after', T('notice.after'))
    .action(async (path: string, opts: NoticeCliOptions) => {
      process.exitCode = await noticeCommand(path, opts);
    });
}

export async function noticeCommand(path: string, opts: NoticeCliOptions): Promise<number> {
  const lang = resolveLang(opts.lang);
  const T = translator(lang);
  const say = notifier(lang);
  const format = opts.format ?? 'markdown';
  if (format === 'docx' && !opts.output) throw new UsageError(T('notice.err.docxOutput'));
  const progress = progressReporter(opts.progress, lang);
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
    say.note(
      p.via === 'merged'
        ? T('notice.note.merged', { input: p.input, unit: unitName(p.unit), name: p.unit.name })
        : T('notice.note.renamed', { input: p.input, unit: unitName(p.unit) }),
    );
  }
  if (format === 'docx') {
    const { noticeDocx } = await import('../../gate/notice-docx.js');
    writeOutput(opts.output!, await noticeDocx(draft.letter));
    say.note(T('notice.note.docx', { file: opts.output!, date: draft.earliestGoLive }));
  } else if (opts.output) {
    writeOutput(opts.output, draft.markdown);
    say.note(T('notice.note.written', { file: opts.output, date: draft.earliestGoLive }));
  } else {
    process.stdout.write(draft.markdown);
  }
  if (!draft.sufficient) {
    say.warn(T('notice.warn.short', { goLive: draft.goLive, submitted: draft.submitted, earliest: draft.earliestGoLive }));
  }
  return 0;
}
