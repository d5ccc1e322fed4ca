import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../../../shared/csv-defaults.js';
import type { CsvWmsSettings } from '../../../../../../shared/schemas/wms.js';
import { createCsvWmsConnector } from '../../../../../../main/engine/connectors/wms/csv/csv-wms-connector.js';
import type { ConfirmationRow, InboundBatch, UnreadableFile } from '../../../../../../main/engine/connectors/wms/wms-connector.js';
import { silentLogger, systemClock } from '../../../../../../main/engine/platform/ports.js';
import { createTransport } from '../../../../../../main/engine/transports/create-transport.js';
import type { Transport } from '../../../../../../main/engine/transports/transport.js';
import { startFtpServer, type TestFtpServer } from '../../../../../support/ftp-server.js';
import { keptFiles } from '../../../../../support/kept-files.js';

const ctx = () => ({ clock: systemClock, log: silentLogger, signal: new AbortController().signal });
const acme = { merchantId: 1, code: 'acme' };
const ROWS = 100_000;

/** A 100,000-row confirmation file (about 6 MB) in the default format. */
function bigConfirmationFile(): Buffer {
  const lines = ['Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date'];
  for (let i = 0; i < ROWS; i++) lines.push(`#${100000 + i},SKU-${i % 50},1,UPS,Ground,1Z${i},2026-11-27`);
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

/** The transport, with read() refused: the connector must stream. */
function streamOnly(transport: Transport): Transport {
  return new Proxy(transport, {
    get(target, key) {
      if (key === 'read') return () => Promise.reject(new Error('read() holds the whole file; this file must be streamed'));
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function pickupAll(settings: CsvWmsSettings, password?: string): Promise<(InboundBatch<ConfirmationRow> | { unreadable: UnreadableFile })[]> {
  const transport = streamOnly(createTransport(settings.transport, { password }, ctx()));
  const connector = createCsvWmsConnector(settings, { password }, ctx(), { transport });
  const out = [];
  try {
    for await (const item of connector.pickupConfirmations(acme)) {
      out.push(item);
      if (!('unreadable' in item)) await item.ack();
    }
  } finally {
    await connector.close();
  }
  return out;
}

describe('a 100,000-row confirmation file', () => {
  const file = bigConfirmationFile();
  let dir: string;
  let server: TestFtpServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dockhand-stream-'));
    server = await startFtpServer();
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is streamed from a folder, every row read with its line, then archived', async () => {
    const inbox = join(dir, 'acme', 'confirmations');
    await mkdir(inbox, { recursive: true });
    await writeFile(join(inbox, 'big.csv'), file);
    const [batch] = await pickupAll(defaultCsvWmsSettings({ kind: 'folder', path: dir }));
    if ('unreadable' in batch) throw new Error(batch.unreadable.reason);
    expect(batch.rows).toHaveLength(ROWS);
    expect(batch.rows.at(-1)).toMatchObject({ orderNumber: `#${100000 + ROWS - 1}`, line: ROWS + 1 });
    expect(batch.rowErrors).toEqual([]);
    expect(keptFiles(join(inbox, 'archive'))).toEqual(['big.csv']);
  });

  it('is streamed over FTP (basic-ftp downloadTo a Writable), and a broken one is moved aside whole', async () => {
    const inbox = join(server.root, 'acme', 'confirmations');
    await mkdir(inbox, { recursive: true });
    await writeFile(join(inbox, 'a-big.csv'), file);
    await writeFile(join(inbox, 'b-binary.csv'), Buffer.concat([file.subarray(0, 100_000), Buffer.from([0, 1, 2]), file.subarray(100_000)]));
    const settings = defaultCsvWmsSettings({ kind: 'ftp', host: server.host, port: server.port, user: server.user, security: 'none', allowSelfSigned: false, passive: true, root: '/' });
    const [big, binary] = await pickupAll(settings, server.password);
    if ('unreadable' in big) throw new Error(big.unreadable.reason);
    expect(big.rows).toHaveLength(ROWS);
    expect(binary).toEqual({
      unreadable: {
        fileName: 'b-binary.csv',
        reason: expect.stringMatching(/^The file is not a text file \(it holds binary data after line \d+\)$/),
        movedTo: expect.stringMatching(/^acme\/confirmations\/error\/\d{4}-\d{2}-\d{2}$/),
      },
    });
    expect(keptFiles(join(inbox, 'error'))).toEqual(['b-binary.csv']);
    expect(keptFiles(join(inbox, 'archive'))).toEqual(['a-big.csv']);
  });
});
