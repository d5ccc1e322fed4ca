import { describe, expect, it } from 'vitest';
import { historyTitle } from '../../../../renderer/src/screens/orders/history-title.js';

describe('an entry of the order history', () => {
  it('names the move from one status to another', () => {
    expect(historyTitle({ at: '', fromStatus: 'new', toStatus: 'at_wms', note: null })).toBe('New → At WMS');
    expect(historyTitle({ at: '', fromStatus: null, toStatus: 'new', note: null })).toBe('New');
  });

  it('names the status once when the order changed without moving (a change in the cart)', () => {
    expect(historyTitle({ at: '', fromStatus: 'at_wms', toStatus: 'at_wms', note: 'Changed in the cart after delivery: …' })).toBe('At WMS');
  });
});
