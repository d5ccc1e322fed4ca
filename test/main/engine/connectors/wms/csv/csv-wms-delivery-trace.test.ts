import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../../../shared/csv-defaults.js';
import type { CsvWmsSettings } from '../../../../../../shared/schemas/wms.js';
import { createCsvWmsConnector } from '../../../../../../main/engine/connectors/wms/csv/csv-wms-connector.js';
import type { BuiltOrderFile } from '../../../../../../main/engine/connectors/wms/wms-connector.js';
import { silentLogger, systemClock } from '../../../../../../main/engine/platform/ports.js';
import { startFtpServer, type TestFtpServer } from '../../../../../support/ftp-server.js';
import { ftpWms } from '../../../../../support/world.js';
import { forDelivery, sampleOrder } from '../../../csv/sample-orders.js';

/**
 * A WMS imports an order file and then deletes it, so an order file whose send was cut short around
 * its rename must be looked for before it is sent again: the connector tells "waiting under its final
 * name", "only the unpublished copy" and "taken", over FTP and over a folder alike.
 */

const ctx = () => ({ clock: systemClock, log: silentLogger, signal: new AbortController().signal });
const acme = { merchantId: 1, code: 'acme' };

interface Destination {
  settings: CsvWmsSettings;
  secrets: { password?: string };
  /** Local path of the merchant's orders folder. */
  ordersDir: string;
}

const destinations: { name: string; open(): Promise<Destination>; close(): Promise<void> }[] = (() => {
  let server: TestFtpServer | undefined;
  let root: string | undefined;
  return [
    {
      name: 'FTP',
      async open() {
        server = await startFtpServer();
        return { ...ftpWms(server), ordersDir: server.localPath('/acme/orders') };
      },
      close: () => server?.close() ?? Promise.resolve(),
    },
    {
      name: 'folder',
      async open() {
        root = await mkdtemp(join(tmpdir(), 'dockhand-trace-'));
        return { settings: defaultCsvWmsSettings({ kind: 'folder', path: root }), secrets: {}, ordersDir: join(root, 'acme/orders') };
      },
      close: () => (root ? rm(root, { recursive: true, force: true }) : Promise.resolve()),
    },
  ];
})();

describe.each(destinations)('an order file cut short around its rename, over $name', (destination) => {
  let d: Destination;
  beforeAll(async () => {
    d = await destination.open();
  });
  afterAll(() => destination.close());

  const names = () => (existsSync(d.ordersDir) ? readdirSync(d.ordersDir).sort() : []);

  it('is complete under its temporary name, and not yet under its final one, when beforePublish is told', async () => {
    const connector = createCsvWmsConnector(d.settings, d.secrets, ctx());
    const seen: { file: BuiltOrderFile; names: string[] }[] = [];
    const result = await connector.deliverOrders({
      batchId: 'B-1',
      merchant: acme,
      orders: [forDelivery(sampleOrder())],
      beforePublish: async (file) => {
        seen.push({ file, names: names() });
      },
    });
    await connector.close();
    expect(seen).toEqual([{ file: { fileName: 'orders-B-1.csv', delivered: 1, rejected: [] }, names: ['.orders-B-1.csv.part'] }]);
    expect(result).toEqual(seen[0].file);
    expect(names()).toEqual(['orders-B-1.csv']);
  });

  it('is found waiting while the WMS has not taken it, and taken once the WMS deleted it', async () => {
    const connector = createCsvWmsConnector(d.settings, d.secrets, ctx());
    await connector.deliverOrders({ batchId: 'B-2', merchant: acme, orders: [forDelivery(sampleOrder())], beforePublish: () => Promise.resolve() });
    expect(await connector.traceDelivery(acme, 'B-2')).toEqual({ fileName: 'orders-B-2.csv', trace: 'waiting' });
    rmSync(join(d.ordersDir, 'orders-B-2.csv'));
    expect(await connector.traceDelivery(acme, 'B-2')).toEqual({ fileName: 'orders-B-2.csv', trace: 'taken' });
    await connector.close();
  });

  it('is found unpublished when it stopped before the rename, with nothing under its final name for the WMS to see', async () => {
    const connector = createCsvWmsConnector(d.settings, d.secrets, ctx());
    const stopped = await connector
      .deliverOrders({
        batchId: 'B-3',
        merchant: acme,
        orders: [forDelivery(sampleOrder())],
        beforePublish: () => Promise.reject(new Error('the host died here')),
      })
      .catch((err: unknown) => err);
    expect(stopped).toBeInstanceOf(Error);
    expect(names()).not.toContain('orders-B-3.csv');
    expect(await connector.traceDelivery(acme, 'B-3')).toEqual({ fileName: 'orders-B-3.csv', trace: 'unpublished' });
    await connector.close();
  });
});
