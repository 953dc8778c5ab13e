// Synthetic example. Every value below is fake.
export const LGSP_BASE = 'http://lgsp.tinh-mau.gov.vn';

export const DANCU_URL = process.env.DANCU_URL ?? `${LGSP_BASE}/apiCSDLDanCu/ChiaSeThongTinCongDan`;

// The contractor keeps the province's API account in the code.
export const C06_secretKey = 'Sup3rS3cretValue!9x';
export const C06_userName = 'tinhmau_dvc';
