import { afterEach, describe, expect, it } from 'vitest';
import { raisePauseAlert } from '../../../main/engine/job-alerts.js';
import { openStore } from '../../../main/engine/store/index.js';
import { migrations } from '../../../main/engine/store/migrations/index.js';
import { openAlerts } from '../../../main/engine/store/repositories/alerts-repo.js';
import { tempStoreDir } from './store/fixtures/store-fixtures.js';

describe('the alert of a job paused by a refused login', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  async function alertText(reconnect: boolean | undefined): Promise<string> {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const store = await openStore({ dir, migrations });
    cleanups.unshift(() => store.close());
    const job = { service: 'order_download' as const, targetId: 4, label: 'Order download', targetName: 'Acme Market', reconnect };
    await store.write((db) => raisePauseAlert(db, job, 'auth', 'The refresh token was revoked.', '2026-12-06T10:00:00.000Z'));
    return (await store.read((db) => openAlerts(db)))[0].message;
  }

  it('asks to reconnect a cart whose platform grants access on a consent page, and says nothing is lost', async () => {
    expect(await alertText(true)).toBe(
      'Acme Market: The refresh token was revoked. Reconnect Acme Market to grant access again: its schedules are paused until then, and nothing downloaded is lost.',
    );
  });

  it('asks to fix the credentials of any other cart', async () => {
    expect(await alertText(undefined)).toBe('Acme Market: The refresh token was revoked. Its schedule is paused until the credentials are fixed.');
  });
});
