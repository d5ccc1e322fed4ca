import { describe, expect, it } from 'vitest';
import { memoryCartPorts } from '../../../../../main/engine/connectors/carts/memory-ports.js';

describe('cart ports held in memory (unit tests, a Test of unsaved settings)', () => {
  it('reads back what was saved per stream and refuses what the engine would refuse', async () => {
    const ports = memoryCartPorts({ positions: { shipment_checks: 's0' } });
    expect(await ports.positions.read('shipment_checks')).toBe('s0');
    await ports.positions.save({ inventory_feeds: 'f1', shipment_checks: null });
    expect([...ports.saved.positions]).toEqual([['inventory_feeds', 'f1']]);
    await expect(ports.positions.save({ orders: 'c1' })).rejects.toThrow(/only with its page/);
    await expect(ports.positions.read('Orders!')).rejects.toThrow(/not a sync stream name/);
  });

  it('merges rotated credentials over earlier rotations', async () => {
    const ports = memoryCartPorts();
    await ports.credentials.save({ refreshToken: 'rt-2', accessToken: 'at-2' });
    expect(await ports.credentials.save({ refreshToken: 'rt-3' })).toBe(true);
    expect(ports.saved.credentials).toEqual({ refreshToken: 'rt-3', accessToken: 'at-2' });
  });
});
