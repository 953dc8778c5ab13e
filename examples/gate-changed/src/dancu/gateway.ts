import Bottleneck from 'bottleneck';
import { randomUUID } from 'node:crypto';
import { ghiNhatKy } from './audit';
import { DANCU_URL, dancuAccount } from './config';

// Registered daily quota of account dvc_tinh_mau: 5,000 lookups. The reservoir is
// refilled to 5,000 every 24 hours; at most one lookup starts every 200 ms.
const limiter = new Bottleneck({
  maxConcurrent: 1,
  minTime: 200,
  reservoir: 5000,
  reservoirRefreshAmount: 5000,
  reservoirRefreshInterval: 24 * 60 * 60 * 1000,
});

export interface LookupRequest {
  soDinhDanh: string;
  maCanBo: string;
  maDonVi: string;
  mucDich: string;
}

export async function traCuuCongDan(req: LookupRequest): Promise<unknown> {
  const { userName, secretKey } = dancuAccount();
  const maYeuCau = randomUUID();
  const res = await limiter.schedule(() =>
    fetch(DANCU_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Account': userName, 'X-Secret': secretKey },
      body: JSON.stringify({ MaYeuCau: maYeuCau, SoDinhDanh: req.soDinhDanh, MaCanBo: req.maCanBo }),
    }),
  );
  auditLog(req, maYeuCau, res.ok);
  return res.json();
}

/** Added after the approval of notice 123/STTTT-CNTT: verifies a citizen's identity data. */
export async function xacThucCongDan(req: LookupRequest, hoVaTen: string): Promise<boolean> {
  const { userName, secretKey } = dancuAccount();
  const maYeuCau = randomUUID();
  const res = await limiter.schedule(() =>
    fetch(`${DANCU_URL}/XacThucThongTinCongDan`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Account': userName, 'X-Secret': secretKey },
      body: JSON.stringify({ MaYeuCau: maYeuCau, SoDinhDanh: req.soDinhDanh, HoVaTen: hoVaTen, MaCanBo: req.maCanBo }),
    }),
  );
  auditLog(req, maYeuCau, res.ok);
  return res.ok;
}

function auditLog(req: LookupRequest, maYeuCau: string, ok: boolean): void {
  ghiNhatKy({ maCanBo: req.maCanBo, maDonVi: req.maDonVi, maYeuCau, mucDich: req.mucDich, ketQua: ok ? 'ok' : 'error' });
}
