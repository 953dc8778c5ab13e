import express from 'express';
import { traCuuCongDan } from './dancu/gateway';

const app = express();

app.get('/api/cong-dan/:id', async (req, res) => {
  const result = await traCuuCongDan({
    soDinhDanh: req.params.id,
    maCanBo: String(req.headers['x-ma-can-bo'] ?? ''),
    maDonVi: String(req.headers['x-ma-don-vi'] ?? ''),
    mucDich: String(req.query.mucDich ?? ''),
  });
  res.json(result);
});

app.listen(8080);
