import path from 'node:path';
import { openStore } from '../../main/engine/store/index.js';
import { migrations } from '../../main/engine/store/migrations/index.js';
const store = await openStore({ dir: path.join(process.argv[2], 'db'), migrations });
const out = await store.read((db) => ({
  batches: db.all(`SELECT id, status, file_name, order_count, attempts, last_error, created_at, delivered_at FROM batches WHERE id IN ('ACME-000008','ACME-000009','ACME-000010')`),
  bo: db.all(`SELECT * FROM batch_orders WHERE batch_id = 'ACME-000009'`),
  orders: db.all(`SELECT o.id, o.order_number, o.status, o.batch_id FROM orders o WHERE o.id IN (SELECT order_id FROM batch_orders WHERE batch_id='ACME-000009') OR o.batch_id='ACME-000009'`),
  hist: db.all(`SELECT h.* FROM order_history h JOIN orders o ON o.id=h.order_id WHERE o.order_number IN (${process.argv[3] ?? "''"}) ORDER BY h.id`),
  runs: db.all(`SELECT id, service, status, started_at, finished_at, counts_json, message FROM runs WHERE service='order_delivery' ORDER BY id DESC LIMIT 12`),
}));
console.log(JSON.stringify(out, null, 1));
await store.abandon?.();
process.exit(0);
