import { describe, expect, it } from 'vitest';
import { carrierFields } from '../../../../../../main/engine/connectors/carts/bigcommerce/carrier-fields.js';

describe('BigCommerce carrier fields', () => {
  it('sends carriers BigCommerce integrates as shipping_provider', () => {
    expect(carrierFields('UPS', undefined)).toEqual({ shipping_provider: 'ups' });
    expect(carrierFields('FDX', undefined)).toEqual({ shipping_provider: 'fedex' });
    expect(carrierFields('usps', undefined)).toEqual({ shipping_provider: 'usps' });
    expect(carrierFields('Royal Mail', undefined)).toEqual({ shipping_provider: 'royalmail' });
  });

  it('sends other known carriers as an AfterShip tracking_carrier slug', () => {
    expect(carrierFields('DHL', undefined)).toEqual({ tracking_carrier: 'dhl' });
    expect(carrierFields('OnTrac', undefined)).toEqual({ tracking_carrier: 'ontrac' });
  });

  it('takes a per-connection override over the defaults', () => {
    expect(carrierFields('UPS', undefined, { UPS: { shipping_provider: 'upsready' } })).toEqual({ shipping_provider: 'upsready' });
    expect(carrierFields('XYZ', undefined, { XYZ: { tracking_carrier: 'xyz-express' } })).toEqual({ tracking_carrier: 'xyz-express' });
  });

  it('sends an unknown carrier as custom: empty carrier fields, its tracking link and its name', () => {
    expect(carrierFields('Local Van', 'https://van.example/1')).toEqual({
      shipping_provider: '',
      tracking_carrier: '',
      tracking_link: 'https://van.example/1',
      comments: 'Carrier: Local Van',
    });
    expect(carrierFields('', undefined)).toEqual({ shipping_provider: '', tracking_carrier: '' });
  });
});
