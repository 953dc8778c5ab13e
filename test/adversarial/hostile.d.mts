// Types for hostile.mjs (plain JavaScript, so that scripts/bench.mjs can run it without a build).
export const LINE_BYTES: number;
export const CONCAT_TERMS: number;
export const DB_URL: string;
export const SECRET: string;
export const TOOL_PACKAGE: string;
export function repeatTo(unit: string, bytes?: number): string;
export function jsTool(extra?: string): string;
export function pyTool(extra?: string, coding?: string): string;
export function javaTool(extra?: string): string;
export function cp1258(text: string): Buffer;
export interface HostileCase {
  id: string;
  section: 'fail-open' | 'secret' | 'dos';
  owner: 'robust' | 'trust-config' | 'approvals';
  budget?: number;
  expect?: { blocks?: boolean; rules?: string[]; noClear?: boolean; secrets?: string[] };
  files(): Record<string, string | Buffer>;
}
export const CASES: HostileCase[];
export function writeTree(root: string, files: Record<string, string | Buffer>): string;
