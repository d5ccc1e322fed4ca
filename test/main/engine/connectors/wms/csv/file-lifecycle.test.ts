import { mkdirSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../../../shared/csv-defaults.js';
import { DockhandError } from '../../../../../../shared/errors.js';
import type { CsvWmsSettings } from '../../../../../../shared/schemas/wms.js';
import type { TransportSecrets } from '../../../../../../shared/transports/index.js';
import { createCsvWmsConnector, type CsvWmsDeps } from '../../../../../../main/engine/connectors/wms/csv/csv-wms-connector.js';
import { memoryHeldFiles } from '../../../../../../main/engine/connectors/wms/csv/held-files.js';
import type { ConfirmationRow, InboundBatch, UnreadableFile, WmsConnector } from '../../../../../../main/engine/connectors/wms/wms-connector.js';
import { silentLogger, systemClock, type Clock } from '../../../../../../main/engine/platform/ports.js';
import { createTransport } from '../../../../../../main/engine/transports/create-transport.js';
import type { Transport } from '../../../../../../main/engine/transports/transport.js';
import { sshdAvailable, startSshd, type TestSshdServer } from '../../../../../support/sshd-server.js';
import { startVsftpd, vsftpdInstalled, type TestVsftpd } from '../../../../../support/vsftpd-server.js';
import { keptFiles } from '../../../../../support/kept-files.js';

/**
 * The life of an inbound WMS file: read only once complete (its size unchanged across two looks, or its
 * done-marker there), then to a dated archive or error folder; a file gone before it is read is skipped;
 * a file that cannot be archived is never applied again. Over a local folder, vsftpd and OpenSSH's sshd.
 */

const acme = { merchantId: 1, code: 'acme' };
const HEADER = 'Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date';
const confirmation = (...tracking: string[]) => [HEADER, ...tracking.map((t, i) => `#100${i},SKU-1,1,UPS,Ground,${t},2026-11-28`)].join('\n') + '\n';

type Picked = InboundBatch<ConfirmationRow> | { unreadable: UnreadableFile };
const isBatch = (p: Picked): p is InboundBatch<ConfirmationRow> => !('unreadable' in p);

/** A place the warehouse drops files: its transport settings, and where a relative path is on this machine. */
interface Place {
  name: string;
  transport(): CsvWmsSettings['transport'];
  secrets(): TransportSecrets;
  local(relative: string): string;
}

/** Real time, but a clock whose waits can run the warehouse's writing in between the two looks. */
function clockWith(during?: () => Promise<void>): Clock {
  return { now: () => new Date(), sleep: async (ms, signal) => (during ? during() : systemClock.sleep(ms, signal)) };
}

/** The transport of a place, with a hook run right before each read (the warehouse taking a file away). */
function transportOf(place: Place, beforeRead: (path: string) => Promise<void>): Transport {
  const base = createTransport(place.transport(), place.secrets(), { log: silentLogger, signal: new AbortController().signal, timeoutMs: 10_000 });
  return new Proxy(base, {
    get(target, key) {
      if (key === 'read') return async (path: string) => (await beforeRead(path), target.read(path));
      if (key === 'readStream' && target.readStream) {
        return (path: string) =>
          (async function* () {
            await beforeRead(path);
            yield* target.readStream!(path);
          })();
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function connectorAt(place: Place, options: { clock?: Clock; deps?: CsvWmsDeps; folders?: Partial<CsvWmsSettings['folders']> } = {}): WmsConnector {
  const settings = defaultCsvWmsSettings(place.transport());
  settings.folders = { ...settings.folders, ...options.folders };
  return createCsvWmsConnector(settings, place.secrets(), { clock: options.clock ?? clockWith(), log: silentLogger, signal: new AbortController().signal }, { settleMs: 10, ...options.deps });
}

async function drop(place: Place, relative: string, text: string): Promise<void> {
  await mkdir(dirname(place.local(relative)), { recursive: true });
  await writeFile(place.local(relative), text);
}

async function pickAll(connector: WmsConnector): Promise<Picked[]> {
  const out: Picked[] = [];
  try {
    for await (const item of connector.pickupConfirmations(acme)) {
      out.push(item);
      if (isBatch(item)) await item.ack();
    }
  } finally {
    await connector.close();
  }
  return out;
}
const names = (picked: Picked[]) => picked.map((p) => (isBatch(p) ? p.fileName : `unreadable:${p.unreadable.fileName}`));

/** What every transport must do the same way. */
function lifecycleOn(placeOf: () => Place) {
  it('does not read a file still growing between the two looks, and reads it whole once its size holds', async () => {
    const place = placeOf();
    await drop(place, 'acme/confirmations/growing.csv', confirmation('1ZA'));
    // The warehouse is still writing: a row arrives between our two looks.
    const first = await pickAll(connectorAt(place, { clock: clockWith(() => appendFile(place.local('acme/confirmations/growing.csv'), '#1001,SKU-1,1,UPS,Ground,1ZB,2026-11-28\n')) }));
    expect(first).toEqual([]);
    expect(await readdir(place.local('acme/confirmations'))).toEqual(['growing.csv']);

    const second = await pickAll(connectorAt(place));
    expect(names(second)).toEqual(['growing.csv']);
    expect((second[0] as InboundBatch<ConfirmationRow>).rows.map((r) => r.trackingNumber)).toEqual(['1ZA', '1ZB']);
    expect(keptFiles(place.local('acme/confirmations/archive'))).toEqual(['growing.csv']);
  });

  it('skips a file the warehouse took away between the listing and the read, and goes on with the next', async () => {
    const place = placeOf();
    await drop(place, 'acme/confirmations/a-taken.csv', confirmation('1ZT'));
    await drop(place, 'acme/confirmations/b-kept.csv', confirmation('1ZK'));
    const transport = transportOf(place, async (path) => {
      if (path.endsWith('a-taken.csv')) await unlink(place.local('acme/confirmations/a-taken.csv'));
    });

    const picked = await pickAll(connectorAt(place, { deps: { transport } }));

    expect(names(picked)).toEqual(['b-kept.csv']);
    expect(keptFiles(place.local('acme/confirmations/archive'))).toEqual(['b-kept.csv']);
  });

  it('lists each folder of each merchant in the Test and proves it may write there, leaving nothing behind', async () => {
    const place = placeOf();
    await drop(place, 'acme/confirmations/c1.csv', confirmation('1Z1'));
    await drop(place, 'acme/confirmations/c2.csv', confirmation('1Z2'));
    const connector = connectorAt(place);
    const result = await connector.testConnection([acme, { merchantId: 2, code: 'beta' }]).finally(() => connector.close());

    expect(result).toMatchObject({ ok: true });
    expect(result.folders).toEqual([
      'acme/orders: 0 files, writable',
      'acme/confirmations: 2 files, writable',
      'acme/inventory: 0 files, writable',
      'beta/orders: 0 files, writable',
      'beta/confirmations: 0 files, writable',
      'beta/inventory: 0 files, writable',
    ]);
    expect((await readdir(place.local('acme/confirmations'))).sort()).toEqual(['c1.csv', 'c2.csv']);
    expect(await readdir(place.local('beta/orders'))).toEqual([]);
  });
}

describe('inbound files over a local folder', () => {
  let root: string;
  let n = 0;
  const place = (): Place => {
    const dir = join(root, `case-${++n}`);
    return { name: 'folder', transport: () => ({ kind: 'folder', path: dir }), secrets: () => ({}), local: (r) => join(dir, r) };
  };
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'dockhand-lifecycle-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  lifecycleOn(place);

  it('with a done-marker, reads only the files whose marker is there, and archives each marker with its file', async () => {
    const p = place();
    await drop(p, 'acme/confirmations/a.csv', confirmation('1ZA'));
    await drop(p, 'acme/confirmations/a.csv.done', '');
    await drop(p, 'acme/confirmations/b.csv', confirmation('1ZB'));
    await drop(p, 'acme/confirmations/c.csv.done', ''); // a marker whose file has not arrived

    const picked = await pickAll(connectorAt(p, { folders: { doneMarker: '.done' }, clock: clockWith(() => Promise.reject(new Error('a marked file needs no second look'))) }));

    expect(names(picked)).toEqual(['a.csv']);
    expect(keptFiles(p.local('acme/confirmations/archive'))).toEqual(['a.csv', 'a.csv.done']);
    expect((await readdir(p.local('acme/confirmations'))).sort()).toEqual(['archive', 'b.csv', 'c.csv.done']);
  });

  it('archives into archive/<day>/ and moves an unreadable file into error/<day>/, named in what it reports', async () => {
    const p = place();
    const day = new Date().toISOString().slice(0, 10);
    await drop(p, 'acme/confirmations/a-good.csv', confirmation('1ZG'));
    await writeFile(p.local('acme/confirmations/b-binary.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x14, 0, 0]));

    const picked = await pickAll(connectorAt(p));

    expect(names(picked)).toEqual(['a-good.csv', 'unreadable:b-binary.csv']);
    expect((picked[1] as { unreadable: UnreadableFile }).unreadable.movedTo).toBe(`acme/confirmations/error/${day}`);
    expect(await readdir(p.local(`acme/confirmations/archive/${day}`))).toEqual(['a-good.csv']);
    expect(await readdir(p.local(`acme/confirmations/error/${day}`))).toEqual(['b-binary.csv']);
  });

  it('never hands out again a file it applied but could not archive, and archives it once the folder allows it', async () => {
    const p = place();
    await drop(p, 'acme/confirmations/ship.csv', confirmation('1ZS'));
    const held = memoryHeldFiles();
    let refuse = true;
    const transport = (): Transport =>
      new Proxy(createTransport(p.transport(), {}, { log: silentLogger, signal: new AbortController().signal, timeoutMs: 10_000 }), {
        get(target, key) {
          if (key === 'move') {
            return (path: string, toDir: string) =>
              refuse ? Promise.reject(new DockhandError('config', `Folder "${toDir}" cannot be written by Dockhand (EACCES)`)) : target.move(path, toDir);
          }
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });

    const first = connectorAt(p, { deps: { transport: transport(), heldFiles: held } });
    const outcomes: unknown[] = [];
    for await (const item of first.pickupConfirmations(acme)) if (isBatch(item)) outcomes.push(await item.ack());
    expect(outcomes).toEqual([{ notArchived: expect.stringContaining('ship.csv was applied but could not be moved to acme/confirmations/archive/') }]);
    expect((await held.list()).map((f) => f.path)).toEqual(['acme/confirmations/ship.csv']);

    // Still refused: the file stays, and is not handed out (applied) a second time.
    expect(await pickAll(connectorAt(p, { deps: { transport: transport(), heldFiles: held } }))).toEqual([]);

    // The permission is fixed: archived at last, still without being applied again.
    refuse = false;
    expect(await pickAll(connectorAt(p, { deps: { transport: transport(), heldFiles: held } }))).toEqual([]);
    expect(keptFiles(p.local('acme/confirmations/archive'))).toEqual(['ship.csv']);
    expect(await held.list()).toEqual([]);
  });

  it('reads a new file dropped under the name of a held one, as it is a different file', async () => {
    const p = place();
    await drop(p, 'acme/confirmations/daily.csv', confirmation('1ZNEW', '1ZNEW2'));
    const held = memoryHeldFiles();
    await held.hold({ path: 'acme/confirmations/daily.csv', size: 10, reason: 'refused', heldAt: '2026-12-05T10:00:00.000Z' });

    const picked = await pickAll(connectorAt(p, { deps: { heldFiles: held } }));

    expect(names(picked)).toEqual(['daily.csv']);
    expect(await held.list()).toEqual([]);
  });
});

describe.skipIf(!vsftpdInstalled())('inbound files over vsftpd', () => {
  let server: TestVsftpd;
  let n = 0;
  beforeAll(async () => {
    server = await startVsftpd();
  });
  afterAll(() => server?.stop());

  lifecycleOn(() => {
    const base = `case-${++n}`;
    mkdirSync(server.localPath(base), { recursive: true });
    return {
      name: 'ftp',
      transport: () => ({ kind: 'ftp', host: server.host, port: server.port, user: server.user, security: 'none', allowSelfSigned: false, passive: true, root: join(server.ftpRoot, base) }),
      secrets: () => ({ password: server.password }),
      local: (r) => server.localPath(join(base, r)),
    };
  });
});

describe.skipIf(!sshdAvailable())('inbound files over OpenSSH sshd (SFTP)', () => {
  let sshd: TestSshdServer;
  let n = 0;
  beforeAll(async () => {
    sshd = await startSshd();
  });
  afterAll(() => sshd?.stop());

  lifecycleOn(() => {
    const base = join(sshd.files, `case-${++n}`);
    mkdirSync(base, { recursive: true });
    return {
      name: 'sftp',
      transport: () => ({ kind: 'sftp', host: sshd.host, port: sshd.port, user: sshd.user, auth: 'key', root: base, hostKeyFingerprint: sshd.hostKeyFingerprint }) as CsvWmsSettings['transport'],
      secrets: () => ({ privateKey: sshd.clientKey }),
      local: (r) => join(base, r),
    };
  });
});
