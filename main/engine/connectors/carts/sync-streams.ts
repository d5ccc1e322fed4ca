import { DockhandError } from '../../../../shared/errors.js';

/** The stream whose position the orders download saves with each page (OrderPage.cursor). */
export const ORDERS_STREAM = 'orders';

/** A stream name: lower-case words joined by underscores ('orders', 'shipment_checks', 'inventory_feeds'). */
const STREAM_NAME = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Checks positions a connector asks to save for streams other than 'orders' and returns them as
 * entries. A bad name or the 'orders' stream is a connector's bug (internal): the 'orders' position
 * moves only with the orders it covers, or a crash could skip a page.
 */
export function otherStreamPositions(positions: Record<string, string | null>): [string, string | null][] {
  const entries = Object.entries(positions);
  for (const [stream, position] of entries) {
    if (!STREAM_NAME.test(stream)) throw new DockhandError('internal', `"${stream}" is not a sync stream name (lower-case words joined by _)`);
    if (stream === ORDERS_STREAM) throw new DockhandError('internal', `The '${ORDERS_STREAM}' position is saved only with its page of orders (OrderPage.cursor)`);
    if (position !== null && typeof position !== 'string') throw new DockhandError('internal', `The position of stream "${stream}" must be text or null`);
  }
  return entries;
}

/** Checks a stream name a connector reads. */
export function checkStreamName(stream: string): string {
  if (!STREAM_NAME.test(stream)) throw new DockhandError('internal', `"${stream}" is not a sync stream name (lower-case words joined by _)`);
  return stream;
}
