// Endpoint and account come from the deployment (a Kubernetes Secret managed by the
// province), never from the code the contractor writes.
export const DANCU_URL =
  process.env.DANCU_URL ?? 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan';

export function dancuAccount(): { userName: string; secretKey: string } {
  const userName = process.env.C06_USERNAME;
  const secretKey = process.env.C06_SECRET_KEY;
  if (!userName || !secretKey) throw new Error('C06_USERNAME / C06_SECRET_KEY are not set');
  return { userName, secretKey };
}
