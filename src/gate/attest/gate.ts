/**
 * The gate's signed-approval options (`--trust-key`, `--attestation`,
 * `--allow-unsigned-approvals`, `--repository`): checked and loaded before any work
 * (a bad key file is exit 2 and changes nothing), then turned into the `gate.approvals`
 * facts once the declaration is known.
 */
import { resolve } from 'node:path';
import type { GateApprovalsFact } from '../../facts/types.js';
import { gitSync } from '../../git/run.js';
import { msg, type Message, UsageError } from '../../util/errors.js';
import { REPOSITORY } from './statement.js';
import { approvalsFacts, loadTrustKeys, type TrustedKeys } from './verify.js';

export interface ApprovalGateOptions {
  /** The province's public keys (PEM files, from outside the repository). */
  trustKeys?: readonly string[];
  /** Attestation files besides those in dancu-approvals/ (read only with a trust key). */
  attestations?: readonly string[];
  /** Accept declared approvals without a signature (only without trust keys). */
  allowUnsignedApprovals?: boolean;
  /** The repository being gated (owner/name): an attestation naming another one does not count. */
  repository?: string;
}

export interface PreparedApprovals {
  trusted: TrustedKeys;
  /** Things to say on stderr / as an Action warning. */
  warnings: Message[];
  facts(root: string, declarationPath: string | undefined): GateApprovalsFact;
}

/** Check the options and load the keys (UsageError on anything wrong). */
export function prepareApprovals(opts: ApprovalGateOptions, root: string): PreparedApprovals {
  const keys = opts.trustKeys ?? [];
  const allowUnsigned = opts.allowUnsignedApprovals === true;
  if (allowUnsigned && keys.length > 0) {
    throw UsageError.of('attest.unsignedWithKey');
  }
  if ((opts.attestations?.length ?? 0) > 0 && keys.length === 0) {
    throw UsageError.of('attest.needsTrustKey');
  }
  if (opts.repository !== undefined && !REPOSITORY.test(opts.repository)) {
    throw UsageError.of('attest.badRepository', { value: opts.repository });
  }
  const trusted = loadTrustKeys(keys, root);
  const warnings = trusted.insideRoot
    .filter((k) => trackedByRepository(resolve(k), root))
    .map((k) => msg('attest.trustKeyTracked', { key: k }));
  return {
    trusted,
    warnings,
    facts: (r, declarationPath) =>
      approvalsFacts({
        root: r,
        ...(declarationPath ? { declarationPath } : {}),
        trusted: trusted.keys,
        ...(opts.attestations ? { attestations: opts.attestations } : {}),
        allowUnsigned,
        ...(opts.repository ? { repository: opts.repository } : {}),
      }),
  };
}

/**
 * Whether `file` is tracked by the git repository at `root` (then whoever can push to
 * it can change it). A key written by the workflow, or checked out from another
 * repository into a subdirectory, is not; without git nothing can be said.
 */
function trackedByRepository(file: string, root: string): boolean {
  const r = gitSync(['ls-files', '--error-unmatch', '--', file], { cwd: root });
  return r.status === 0 && r.error === undefined;
}
