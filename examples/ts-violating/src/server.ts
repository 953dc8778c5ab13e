import express from 'express';
import { traCuuCongDan } from './dancu-client';

const app = express();

app.get('/api/cong-dan/:id', async (req, res) => {
  const congDan = await traCuuCongDan(req.params.id, String(req.headers['x-ma-can-bo'] ?? ''));
  res.json(congDan);
});

app.listen(8080);
