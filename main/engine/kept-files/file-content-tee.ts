import path from 'node:path';
import type { FileBytes, InboundBatch, UnreadableFile, WmsConnector } from '../connectors/wms/wms-connector.js';
import type { Transport } from '../transports/transport.js';

/**
 * Lets the engine keep the files a WMS connector exchanges without reaching into the connector: its
 * transport is wrapped, and what the connector wrote or read is remembered by file name until the
 * service picks it up with the connector's result (the result's `content` and `remotePath`, filled in
 * here when the connector did not give them itself).
 *
 * Memory: a file stays here only between its transfer and its hand-over, which for the services is the
 * same batch; anything never taken is dropped when the connector closes.
 */
export function withFileContent(makeConnector: (transport: Transport) => WmsConnector, transport: Transport): WmsConnector {
  const written = new Map<string, Required<FileBytes>>();
  const read = new Map<string, Required<FileBytes>>();
  const take = (from: Map<string, Required<FileBytes>>, name: string): FileBytes => {
    const found = from.get(name);
    from.delete(name);
    return found ?? {};
  };
  const teed: Transport = {
    test: (folders) => transport.test(folders),
    list: (dir) => transport.list(dir),
    async read(remotePath) {
      const content = await transport.read(remotePath);
      read.set(path.posix.basename(remotePath), { content, remotePath });
      return content;
    },
    // A streamed read is passed on chunk by chunk and its bytes gathered for the kept copy once whole
    // (a copy needs every byte anyway; an inbound file is a few MB at 100,000 rows).
    ...(transport.readStream
      ? {
          async *readStream(remotePath: string) {
            const chunks: Buffer[] = [];
            for await (const chunk of transport.readStream!(remotePath)) {
              chunks.push(chunk);
              yield chunk;
            }
            read.set(path.posix.basename(remotePath), { content: Buffer.concat(chunks), remotePath });
          },
        }
      : {}),
    async writeAtomic(dir, name, content, options) {
      await transport.writeAtomic(dir, name, content, options);
      written.set(name, { content, remotePath: dir === '' ? name : path.posix.join(dir, name) });
    },
    move: (from, toDir) => transport.move(from, toDir),
    exists: (p) => transport.exists(p),
    remove: (p) => transport.remove(p),
    close: () => transport.close(),
  };
  const inner = makeConnector(teed);

  async function* withBytes<Row>(
    items: AsyncIterable<InboundBatch<Row> | { unreadable: UnreadableFile }>,
  ): AsyncGenerator<InboundBatch<Row> | { unreadable: UnreadableFile }> {
    for await (const item of items) {
      if ('unreadable' in item) {
        const u = item.unreadable;
        yield u.content ? item : { ...item, unreadable: { ...take(read, u.fileName), ...u } };
      } else {
        // The batch's own object keeps its ack/reject; only the bytes are added to it.
        if (!item.content) Object.assign(item, take(read, item.fileName));
        else read.delete(item.fileName);
        yield item;
      }
    }
  }

  return {
    testConnection: (merchants) => inner.testConnection(merchants),
    async deliverOrders(batch) {
      const result = await inner.deliverOrders(batch);
      const bytes = take(written, result.fileName);
      return result.content ? result : { ...bytes, ...result };
    },
    traceDelivery: (merchant, batchId) => inner.traceDelivery(merchant, batchId),
    pickupConfirmations: (merchant) => withBytes(inner.pickupConfirmations(merchant)),
    pickupInventory: (merchant) => withBytes(inner.pickupInventory(merchant)),
    async close() {
      written.clear();
      read.clear();
      await inner.close();
    },
  };
}
