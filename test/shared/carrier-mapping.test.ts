import { describe, expect, it } from 'vitest';
import { carrierForCart } from '../../shared/carrier-mapping.js';
import { carrierOf } from '../../shared/carriers.js';
import { cartPlatform } from '../../shared/platforms/index.js';

const shopify = cartPlatform('shopify')!.carriers;

describe('the warehouse carrier a confirmation names', () => {
  it('is read from the forms warehouse files write it in', () => {
    for (const text of ['FDX', 'fedex', 'FedEx Ground', 'Federal Express', 'fed-ex']) expect(carrierOf(text)?.code, text).toBe('FDX');
    expect(carrierOf('United Parcel Service')?.code).toBe('UPS');
    expect(carrierOf('U.S.P.S.')?.code).toBe('USPS');
    expect(carrierOf("Bob's Courier")).toBeUndefined();
  });
});

describe('the carrier a cart is sent', () => {
  it("is the platform's own name for a carrier it lists, with no invented tracking page", () => {
    expect(carrierForCart(shopify, {}, { carrier: 'FDX', trackingNumber: '7946' })).toEqual({ carrier: 'FedEx', listed: true });
    expect(carrierForCart(shopify, {}, { carrier: 'dhl', trackingNumber: 'JD01' })).toEqual({ carrier: 'DHL Express', listed: true });
    // A page the warehouse gave goes along.
    expect(carrierForCart(shopify, {}, { carrier: 'UPS', trackingNumber: '1Z9', trackingUrl: 'https://example.com/t/1Z9' })).toEqual({
      carrier: 'UPS',
      trackingUrl: 'https://example.com/t/1Z9',
      listed: true,
    });
  });

  it("is the cart's own name where a person set one, by code or as the warehouse writes it", () => {
    expect(carrierForCart(shopify, { FDX: 'FedEx Freight' }, { carrier: 'FedEx Ground', trackingNumber: '1' }).carrier).toBe('FedEx Freight');
    expect(carrierForCart(shopify, { 'Bob Courier': 'Bobs' }, { carrier: 'bob courier', trackingNumber: '1' })).toEqual({ carrier: 'Bobs', listed: true });
    // A blank override leaves the platform's name.
    expect(carrierForCart(shopify, { UPS: '  ' }, { carrier: 'UPS', trackingNumber: '1' }).carrier).toBe('UPS');
  });

  it('is sent as a custom carrier with its tracking page when the platform does not list it, and never throws', () => {
    const demo = cartPlatform('demo')!.carriers;
    expect(carrierForCart(demo, {}, { carrier: 'usps', trackingNumber: '9400 11' })).toEqual({
      carrier: 'USPS',
      trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400%2011',
      listed: false,
    });
    expect(carrierForCart(shopify, {}, { carrier: "Bob's Courier", trackingNumber: 'B1' })).toEqual({ carrier: "Bob's Courier", listed: false });
    expect(carrierForCart({ names: {}, custom: 'name' }, {}, { carrier: 'UPS', trackingNumber: '1Z' })).toEqual({ carrier: 'UPS', listed: false });
  });
});
