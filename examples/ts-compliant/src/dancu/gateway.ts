import Bottleneck from 'bottleneck';
import { randomUUID } from 'node:crypto';
import { ghiNhatKy } from './audit';
import { DANCU_URL, dancuAccount } from './config';

const limiter = new Bottleneck({ maxConcurrent: 1, minTime: 350 });

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

function auditLog(req: LookupRequest, maYeuCau: string, ok: boolean): void {
  ghiNhatKy({ maCanBo: req.maCanBo, maDonVi: req.maDonVi, maYeuCau, mucDich: req.mucDich, ketQua: ok ? 'ok' : 'error' });
}
