import { describe, expect, it } from 'vitest';
import { PLATFORM_FORMS, platformForm } from '../../../../../renderer/src/screens/carts/platforms/index.js';

describe('the setup form of a platform', () => {
  it('is found by the platform id the engine lists', () => {
    expect(platformForm('shopify')?.platform).toBe('shopify');
    expect(platformForm('demo')?.platform).toBe('demo');
  });

  it('is filed under its own platform id', () => {
    for (const [id, form] of Object.entries(PLATFORM_FORMS)) expect(form.platform).toBe(id);
  });

  it('is missing for an unknown platform, even one named like a built-in property', () => {
    expect(platformForm('bigcartel')).toBeUndefined();
    expect(platformForm('toString')).toBeUndefined();
    expect(platformForm('__proto__')).toBeUndefined();
  });
});
