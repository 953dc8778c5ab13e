import pino from 'pino';

const auditLogger = pino({ name: 'nhat-ky-tra-cuu-dan-cu' });

export interface AuditRecord {
  maCanBo: string;
  maDonVi: string;
  maYeuCau: string;
  mucDich: string;
  ketQua: 'ok' | 'error';
}

/** One record per lookup: which officer, for which case, with what outcome (never the citizen record). */
export function ghiNhatKy(record: AuditRecord): void {
  auditLogger.info({ ...record, thoiGian: new Date().toISOString() }, 'tra-cuu-dan-cu');
}
