#!/usr/bin/env node
// A self-made bulk lookup tool: reads a list of ID numbers and queries the DB for each,
// as fast as it can. This is what got a province's account locked.
const fs = require('node:fs');
const https = require('node:https');
const axios = require('axios');

const DANCU_ENDPOINT = 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/ChiaSeThongTinCongDan';
const agent = new https.Agent({ rejectUnauthorized: false });

async function main() {
  const ids = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  for (const soDinhDanh of ids) {
    const { data } = await axios.post(DANCU_ENDPOINT, { SoDinhDanh: soDinhDanh }, { httpsAgent: agent });
    console.log(JSON.stringify(data));
  }
}

main();
