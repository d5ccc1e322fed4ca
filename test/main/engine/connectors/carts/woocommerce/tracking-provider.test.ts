import { afterEach, describe, expect, it } from 'vitest';
import { listTrackingProviders } from '../../../../../../main/engine/connectors/carts/woocommerce/orders-api.js';
import { trackingInputFor } from '../../../../../../main/engine/connectors/carts/woocommerce/tracking-provider.js';
import { createFakeWooCommerce, type FakeWooCommerce } from '../../../../../fakes/woocommerce/index.js';
import { clientFor } from './helpers.js';

let fake: FakeWooCommerce | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const shipment = (carrier: string, trackingUrl?: string) => ({ carrier, trackingNumber: 'T1', trackingUrl, shipDate: '2026-11-21T15:00:00.000Z' });

describe('Shipment Tracking provider for a warehouse carrier', () => {
  it('reads the store’s providers, and none when the extension is absent', async () => {
    fake = await createFakeWooCommerce({ shipmentTracking: true });
    expect(await listTrackingProviders(clientFor(fake).client)).toEqual(expect.arrayContaining(['UPS', 'USPS', 'Fedex', 'DHL Express']));
    await fake.close();
    fake = await createFakeWooCommerce({ shipmentTracking: false });
    expect(await listTrackingProviders(clientFor(fake).client)).toBeUndefined();
  });

  it('uses the store’s own spelling of a carrier it lists, with the ship date as a day', () => {
    const providers = ['UPS', 'USPS', 'Fedex', 'DHL Express'];
    expect(trackingInputFor(shipment('FedEx'), providers)).toEqual({ provider: 'Fedex', trackingNumber: 'T1', dateShipped: '2026-11-21' });
    expect(trackingInputFor(shipment('dhl express'), providers)).toMatchObject({ provider: 'DHL Express' });
  });

  it('sends a carrier the store does not list as a custom provider with the tracking link', () => {
    expect(trackingInputFor(shipment('Acme Courier', 'https://acme.example/t/T1'), ['UPS'])).toEqual({
      customProvider: 'Acme Courier',
      customLink: 'https://acme.example/t/T1',
      trackingNumber: 'T1',
      dateShipped: '2026-11-21',
    });
    expect(trackingInputFor(shipment('OnTrac'), [])).toEqual({ customProvider: 'OnTrac', trackingNumber: 'T1', dateShipped: '2026-11-21' });
  });
});
