import { describe, expect, it } from 'vitest';
import { restBaseFor } from '../../../../../../main/engine/connectors/carts/magento/store-address.js';

describe('restBaseFor', () => {
  it('builds the REST base from a bare host, a full URL, a subfolder store or a pasted REST URL', () => {
    expect(restBaseFor('shop.example.com')).toBe('https://shop.example.com/rest/default');
    expect(restBaseFor(' https://shop.example.com/ ')).toBe('https://shop.example.com/rest/default');
    expect(restBaseFor('https://example.com/shop/')).toBe('https://example.com/shop/rest/default');
    expect(restBaseFor('https://shop.example.com/rest/default/V1/orders')).toBe('https://shop.example.com/rest/default');
    expect(restBaseFor('https://shop.example.com/index.php/rest/V1')).toBe('https://shop.example.com/rest/default');
    expect(restBaseFor('https://shop.example.com', 'us_en')).toBe('https://shop.example.com/rest/us_en');
  });

  it('refuses plain http to another machine, naming the field', () => {
    expect(() => restBaseFor('http://shop.example.com')).toThrow(/must start with https:\/\//);
    try {
      restBaseFor('http://shop.example.com');
    } catch (err) {
      expect(err).toMatchObject({ kind: 'config', fields: { storeUrl: 'Use https://' } });
    }
  });

  it('allows plain http to this machine, where local stores and tests run', () => {
    expect(restBaseFor('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/rest/default');
  });

  it('refuses an empty address, another scheme and a store code with odd characters', () => {
    expect(() => restBaseFor('  ')).toThrow(/Enter the store address/);
    expect(() => restBaseFor('ftp://shop.example.com')).toThrow(/not a web address/);
    expect(() => restBaseFor('shop.example.com', '../admin')).toThrow(/not a Magento store code/);
  });
});
