import { describe, expect, it } from 'vitest';
import { CART_PLATFORMS } from '../../../../../shared/platforms/index.js';
import { cartPlugins } from '../../../../../main/engine/connectors/carts/registry.js';

describe('the cart connector registry', () => {
  it('has one connector for every platform of shared/platforms and none besides', () => {
    expect(Object.keys(cartPlugins).sort()).toEqual(CART_PLATFORMS.map((p) => p.platform).sort());
  });

  it('takes each connector manifest from its platform descriptor', () => {
    for (const platform of CART_PLATFORMS) {
      const plugin = cartPlugins[platform.platform];
      expect(plugin.manifest).toEqual({ platform: platform.platform, displayName: platform.displayName, capabilities: platform.capabilities });
    }
  });
});
