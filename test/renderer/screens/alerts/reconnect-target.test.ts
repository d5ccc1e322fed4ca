import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../../../shared/api-types.js';
import { reconnectTarget } from '../../../../renderer/src/screens/alerts/reconnect-target.js';

const alert = (key: string): AlertView => ({ id: 1, key, severity: 'error', targetType: 'cart', targetId: 7, message: 'm', createdAt: '', updatedAt: '' });
const carts = [
  { id: 7, platform: 'market' },
  { id: 8, platform: 'shopify' },
];
const platforms = [
  { platform: 'market', displayName: 'The Market', oauth: { appFields: [], grantFields: [], pkce: true, appHelp: '' } },
  { platform: 'shopify', displayName: 'Shopify' },
];

describe('which alerts offer Reconnect', () => {
  it('a refused grant of a cart whose platform connects through a consent page', () => {
    expect(reconnectTarget(alert('auth:cart:7'), carts, platforms)).toEqual({ cartId: 7, platformName: 'The Market' });
  });

  it('not a refused login of a cart with typed credentials, another alert, or a cart no longer listed', () => {
    expect(reconnectTarget(alert('auth:cart:8'), carts, platforms)).toBeNull();
    expect(reconnectTarget(alert('run-failed:order_download:7'), carts, platforms)).toBeNull();
    expect(reconnectTarget(alert('auth:wms'), carts, platforms)).toBeNull();
    expect(reconnectTarget(alert('auth:cart:9'), carts, platforms)).toBeNull();
  });
});
