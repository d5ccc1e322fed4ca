import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { createDigest, markDigestSent, queueAlertMail, queuedAlerts } from '../../../../../main/engine/store/repositories/alert-mail-repo.js';
import { raiseAlert } from '../../../../../main/engine/store/repositories/alerts-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 014: alert mail rows and digests', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('adds the tables to a version-12 database with its alerts, and a sent digest stays sent across a reopen', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const v12 = await openStore({ dir, migrations: migrations.filter((m) => m.version <= 12) });
    await v12.write((db) => raiseAlert(db, { key: 'k', severity: 'error', targetType: 'merchant', targetId: 1, message: 'Held' }, '2026-12-06T14:00:00Z'));
    await v12.close();

    const store = await openStore({ dir, migrations });
    expect(await store.read((db) => db.all('SELECT * FROM alert_mail'))).toEqual([]);
    await store.write((db) => {
      queueAlertMail(db, 1, 'merchant:1', '2026-12-06T14:00:00Z');
      const digest = createDigest(db, 'merchant:1', ['ops@acme.test'], '2026-12-06T14:00:00Z');
      markDigestSent(db, digest, queuedAlerts(db, 'merchant:1').map((a) => a.mailId), ['ops@acme.test'], '2026-12-06T14:00:05Z');
    });
    await store.close();

    const again = await openStore({ dir, migrations });
    expect(await again.read((db) => queuedAlerts(db, 'merchant:1'))).toEqual([]);
    expect(await again.read((db) => db.all('SELECT status, sent_at, recipients_json FROM alert_mail_digests'))).toEqual([
      { status: 'sent', sent_at: '2026-12-06T14:00:05Z', recipients_json: '["ops@acme.test"]' },
    ]);
    await again.close();
  });
});
