/**
 * `dancu-guard inventory`: the account review the Ministry asks for (R7, Công văn
 * 2761/BCA-QLHCTTXH §II.2(1)): every account that can query the population DB (from
 * the declaration), every DB endpoint in config and manifests, every call site that
 * reaches the DB, and every place a credential sits — values redacted, URLs without
 * user-info or sensitive query values. Which call sites and endpoints reach the DB
 * and which facts are credentials is the Rego decision (`dancu/gate/surface`).
 */
import { redactEndpoint } from '../collect/credentials/candidates.js';
import { redactSecretRef } from '../util/redact.js';
import { placeName, unitName } from '../gate/provinces.js';
import { analyzeIntegration } from '../gate/integration.js';
import type { IntegrationAnalysis } from '../gate/integration.js';
import { UsageError } from '../util/errors.js';
import { accountReview, reviewCsv } from './review.js';
import { csvField } from './csv.js';
import { INVENTORY_FORMATS, type InventoryFormat } from './formats.js';
import type { Inventory, InventoryAccount, InventoryCallSite, InventoryCredential, InventoryEndpoint } from './types.js';

export { csvField } from './csv.js';
export type { Inventory, InventoryAccount, InventoryCallSite, InventoryCredential, InventoryEndpoint } from './types.js';

export interface InventoryOptions {
  path: string;
  configPath?: string;
  declarationPath?: string;
  onProgress?: (status: string) => void;
}

export async function buildInventory(opts: InventoryOptions): Promise<{ inventory: Inventory; analysis: IntegrationAnalysis }> {
  const analysis = await analyzeIntegration({
    path: opts.path,
    ...(opts.configPath ? { configPath: opts.configPath } : {}),
    ...(opts.declarationPath ? { declarationPath: opts.declarationPath } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  return { inventory: inventoryOf(analysis), analysis };
}

export function inventoryOf(analysis: IntegrationAnalysis): Inventory {
  const d = analysis.declaration?.declaration;
  const province = analysis.declaration?.province;
  const inv: Inventory = {
    version: 1,
    ...(d ? { system: d.system, owner: d.owner } : {}),
    ...(analysis.declaration ? { declaration: analysis.declaration.file } : {}),
    ...(province ? { province: unitName(province.unit), place: placeName(province.unit) } : {}),
    accounts: (d?.accounts ?? []).map((a) => ({
      name: a.name,
      // Declared by the repository: a reference is shown, prose or a pasted secret is not.
      secretRef: redactSecretRef(a.secretRef),
      dailyQuota: a.dailyQuota,
      ...(a.holder ? { holder: a.holder } : {}),
      ...(a.paths ? { paths: a.paths } : {}),
      ...(a.purpose ? { purpose: a.purpose } : {}),
      ...(a.contractorAccess !== undefined ? { contractorAccess: a.contractorAccess } : {}),
      ...(a.status ? { status: a.status } : {}),
    })),
    endpoints: analysis.surface.endpoints.map((e) => ({
      file: e.file,
      line: e.line,
      ...(e.key ? { key: e.key } : {}),
      url: redactEndpoint(e.url),
      source: e.source,
    })),
    callSites: analysis.surface.callSites.map((cs) => ({
      file: cs.file,
      line: cs.line,
      client: cs.client,
      function: cs.function.name,
      target: targetLabel(cs.target),
      keys: cs.target.keys ?? [],
    })),
    credentials: analysis.surface.credentials.map((c) => ({
      file: c.file,
      line: c.line,
      source: c.source,
      kind: c.kind,
      ...(c.key ? { key: c.key } : {}),
      value: c.redacted,
      placeholder: c.placeholder,
    })),
  };
  return inv;
}

function targetLabel(t: { url?: string; operation?: string; namespace?: string }): string {
  const parts: string[] = [];
  if (t.url) parts.push(redactEndpoint(t.url));
  if (t.operation) parts.push(parts.length ? `(${t.operation})` : t.operation);
  if (!t.url && !t.operation && t.namespace) parts.push(`SOAP ${t.namespace}`);
  return parts.join(' ') || '?';
}

// ---------------------------------------------------------------------------
// Formats

/**
 * `csv` (and `xlsx`, binary, in `xlsx.ts`) is the account review for the Ministry
 * (`review.ts`: Vietnamese columns, title, date, signature block, UTF-8 BOM);
 * `csv-detail` is every item, one row each with a `type` column, for machines.
 */
export { INVENTORY_FORMATS, type InventoryFormat } from './formats.js';

export interface InventoryFormatOptions {
  /** The review's date, `YYYY-MM-DD` (csv); blank in the form when absent. */
  date?: string;
}

const CSV_COLUMNS = ['type', 'name', 'file', 'line', 'source', 'kind', 'client', 'function', 'target', 'key', 'value', 'dailyQuota', 'secretRef', 'holder'] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | undefined>>;


export function formatInventory(inv: Inventory, format: InventoryFormat, opts: InventoryFormatOptions = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(inv, null, 2)}\n`;
    case 'csv':
      return reviewCsv(accountReview(inv, opts));
    case 'csv-detail':
      return inventoryCsv(inv);
    case 'markdown':
      return inventoryMarkdown(inv);
    default:
      throw UsageError.of('inventory.unknownFormat', { format: String(format), allowed: INVENTORY_FORMATS.join(', ') });
  }
}

function inventoryCsv(inv: Inventory): string {
  const rows: CsvRow[] = [
    ...inv.accounts.map((a): CsvRow => ({
      type: 'account',
      name: a.name,
      file: inv.declaration,
      dailyQuota: a.dailyQuota,
      secretRef: a.secretRef,
      holder: a.holder,
    })),
    ...inv.endpoints.map((e): CsvRow => ({ type: 'endpoint', file: e.file, line: e.line, source: e.source, key: e.key, target: e.url })),
    ...inv.callSites.map((c): CsvRow => ({
      type: 'call-site',
      file: c.file,
      line: c.line,
      client: c.client,
      function: c.function,
      target: c.target,
      key: c.keys.join(' '),
    })),
    ...inv.credentials.map((c): CsvRow => ({
      type: 'credential',
      file: c.file,
      line: c.line,
      source: c.source,
      kind: c.placeholder ? `${c.kind} (reference)` : c.kind,
      key: c.key,
      value: c.value,
    })),
  ];
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((col) => csvField(r[col])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function md(s: string | number | undefined): string {
  if (s === undefined || s === '') return '';
  return String(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(s: string | undefined): string {
  return s ? `\`${s.replace(/`/g, "'")}\`` : '';
}

function inventoryMarkdown(inv: Inventory): string {
  const out: string[] = [];
  out.push('# Rà soát tài khoản kết nối CSDLQG về dân cư / Population-DB account inventory', '');
  if (inv.system) out.push(`- Hệ thống / System: ${md(inv.system)}`);
  if (inv.owner) out.push(`- Đơn vị chủ quản / Owner: ${md(inv.owner)}`);
  out.push(`- Khai báo / Declaration: ${inv.declaration ? code(inv.declaration) : 'không có / none'}`, '');

  out.push(`## Tài khoản / Accounts (${inv.accounts.length})`, '');
  if (inv.accounts.length) {
    out.push('| Tài khoản / Account | Nơi lưu bí mật / Secret reference | Ngưỡng/ngày / Daily quota | Người giữ / Holder |', '|---|---|---:|---|');
    for (const a of inv.accounts) out.push(`| ${md(a.name)} | ${md(a.secretRef)} | ${a.dailyQuota} | ${md(a.holder)} |`);
  } else out.push('_Không có (không có tệp khai báo) / none (no declaration)_');
  out.push('');

  out.push(`## Điểm kết nối / Endpoints (${inv.endpoints.length})`, '');
  if (inv.endpoints.length) {
    out.push('| Vị trí / Location | Nguồn / Source | Khóa / Key | URL |', '|---|---|---|---|');
    for (const e of inv.endpoints) out.push(`| ${code(`${e.file}:${e.line}`)} | ${md(e.source)} | ${code(e.key)} | ${code(e.url)} |`);
  } else out.push('_Không có / none_');
  out.push('');

  out.push(`## Lời gọi CSDLQG về dân cư / Call sites (${inv.callSites.length})`, '');
  if (inv.callSites.length) {
    out.push('| Vị trí / Location | Client | Hàm / Function | Đích / Target | Khóa cấu hình / Keys |', '|---|---|---|---|---|');
    for (const c of inv.callSites) {
      out.push(`| ${code(`${c.file}:${c.line}`)} | ${code(c.client)} | ${code(c.function)} | ${code(c.target)} | ${c.keys.map((k) => code(k)).join(', ')} |`);
    }
  } else out.push('_Không có / none_');
  out.push('');

  out.push(`## Thông tin xác thực / Credential sources (${inv.credentials.length})`, '');
  if (inv.credentials.length) {
    out.push('| Vị trí / Location | Nguồn / Source | Loại / Kind | Khóa / Key | Giá trị (đã che) / Value (redacted) |', '|---|---|---|---|---|');
    for (const c of inv.credentials) {
      const kind = c.placeholder ? `${c.kind} (tham chiếu / reference)` : c.kind;
      out.push(`| ${code(`${c.file}:${c.line}`)} | ${md(c.source)} | ${md(kind)} | ${code(c.key)} | ${code(c.value)} |`);
    }
  } else out.push('_Không có / none_');
  out.push('');
  return out.join('\n');
}
