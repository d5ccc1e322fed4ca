import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { finishConsentFlow, getConsentFlow, putPendingConsentFlow } from '../../../../../main/engine/store/repositories/consent-flows-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 019: consent flows', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('adds the table to a version-15 database; a pending flow survives a reopen, and ending it drops what it was checked against', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const v15 = await openStore({ dir, migrations: migrations.filter((m) => m.version <= 15) });
    await v15.close();

    let store = await openStore({ dir, migrations });
    const flow = { cartId: 3, cartCreatedAt: '2026-12-01T00:00:00.000Z', shared: true, sealed: 'sealed-blob', startedAt: '2026-12-06T10:00:00.000Z', expiresAt: '2026-12-13T10:00:00.000Z' };
    await store.write((db) => putPendingConsentFlow(db, flow));
    await store.close();

    store = await openStore({ dir, migrations });
    expect(await store.read((db) => getConsentFlow(db, 3))).toEqual({ ...flow, status: 'pending', reason: null, finishedAt: null });
    await store.write((db) => finishConsentFlow(db, 3, { status: 'failed', reason: 'Refused' }, '2026-12-06T10:05:00.000Z'));
    expect(await store.read((db) => getConsentFlow(db, 3))).toMatchObject({ status: 'failed', reason: 'Refused', sealed: null, finishedAt: '2026-12-06T10:05:00.000Z' });
    // One flow per cart: a new one replaces the row.
    await store.write((db) => putPendingConsentFlow(db, { ...flow, shared: false }));
    expect(await store.read((db) => getConsentFlow(db, 3))).toMatchObject({ status: 'pending', shared: false, sealed: 'sealed-blob' });
    await store.close();
  });
});
