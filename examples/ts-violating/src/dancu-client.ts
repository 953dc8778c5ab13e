import { C06_secretKey, C06_userName, DANCU_URL } from './config';

export interface CongDan {
  SoDinhDanh: string;
  HoVaTen: string;
}

/** Looks a citizen up. No audit record is written anywhere on this path. */
export async function traCuuCongDan(soDinhDanh: string, maCanBo: string): Promise<CongDan> {
  const res = await fetch(DANCU_URL, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: 'Basic ' + Buffer.from('tinhmau_dvc:Sup3rS3cretValue!9x').toString('base64'),
    },
    body: JSON.stringify({ SoDinhDanh: soDinhDanh, MaCanBo: maCanBo, TaiKhoan: C06_userName, MatKhau: C06_secretKey }),
  });
  return (await res.json()) as CongDan;
}
