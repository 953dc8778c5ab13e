/**
 * dancu-guard's own reports, recognised by content: a previous `--output` left in the
 * scanned tree (dancu-guard.json, .sarif, .html) must not be scanned, or every run would
 * report the findings quoted in the last one (scanning twice must give the same result).
 *
 * Recognised: the JSON contract (`{"version": 1, "tool": {"name": "dancu-guard", …`,
 * scan and gate), SARIF whose first run's driver is dancu-guard, and the HTML report
 * (`<title>dancu-guard — …`). Only the head of a .json/.sarif/.html/.htm file is read.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const HEAD_BYTES = 4096;
const CANDIDATE = /\.(json|sarif|html?)$/i;

const JSON_REPORT = /^\uFEFF?\s*\{\s*"version"\s*:\s*1\s*,\s*"tool"\s*:\s*\{\s*"name"\s*:\s*"dancu-guard"/;
const SARIF_REPORT = /^\uFEFF?\s*\{[\s\S]*"version"\s*:\s*"2\.1\.0"[\s\S]*"runs"\s*:\s*\[\s*\{\s*"tool"\s*:\s*\{\s*"driver"\s*:\s*\{\s*"name"\s*:\s*"dancu-guard"/;
const HTML_REPORT = /^\uFEFF?\s*<!DOCTYPE html>[\s\S]*<title>dancu-guard —/i;

/** The report kind when `head` (the first bytes of a file) is one of dancu-guard's reports. */
export function ownReportKind(head: string): 'json' | 'sarif' | 'html' | undefined {
  if (JSON_REPORT.test(head)) return 'json';
  if (SARIF_REPORT.test(head)) return 'sarif';
  if (HTML_REPORT.test(head)) return 'html';
  return undefined;
}

/** Whether the file at `absPath` (named `path`) is one of dancu-guard's reports. */
export function isOwnReport(path: string, absPath: string): boolean {
  if (!CANDIDATE.test(path)) return false;
  let fd: number | undefined;
  try {
    fd = openSync(absPath, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return ownReportKind(buf.subarray(0, n).toString('utf8')) !== undefined;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
