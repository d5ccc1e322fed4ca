import { afterEach, describe, expect, it } from 'vitest';
import { testMagentoConnection } from '../../../../../../main/engine/connectors/carts/magento/test-connection.js';
import { IntegrationToken } from '../../../../../../main/engine/connectors/carts/magento/token.js';
import { createFakeMagento, createOtherSite, type FakeMagento, type OtherSite } from '../../../../../fakes/magento/index.js';
import { clientFor } from './helpers.js';

let fake: FakeMagento;
let other: OtherSite | undefined;

afterEach(async () => {
  await fake.close();
  await other?.close();
  other = undefined;
});

const ALL = ['order_download', 'shipment_upload', 'inventory_upload'] as const;

describe('testMagentoConnection', () => {
  it('connects and says how stock will be set', async () => {
    fake = await createFakeMagento({ orders: 3 });
    const result = await testMagentoConnection(clientFor(fake), [...ALL]);
    expect(result).toMatchObject({ ok: true, details: { orders: '3', stock: 'Multi-Source Inventory (sources: default)' } });
    expect(result.message).toMatch(/^Connected to Magento 127\.0\.0\.1:\d+; stock through Multi-Source Inventory/);
  });

  it('names the ACL resource the integration lacks for a chosen service', async () => {
    fake = await createFakeMagento({ deniedResources: ['Magento_Sales::shipment'] });
    const result = await testMagentoConnection(clientFor(fake), [...ALL]);
    expect(result).toMatchObject({ ok: false, missingScopes: ['Magento_Sales::shipment'] });
    expect(result.message).toContain('needed for shipment upload');
  });

  it('answers a refused token as auth, not as a missing permission', async () => {
    fake = await createFakeMagento();
    const result = await testMagentoConnection(clientFor(fake, { tokens: new IntegrationToken('wrong') }), [...ALL]);
    expect(result).toMatchObject({ ok: false, details: { errorKind: 'auth' } });
    expect(result.missingScopes).toBeUndefined();
  });

  it('says a site that is not Magento is not a Magento store', async () => {
    fake = await createFakeMagento();
    other = await createOtherSite();
    const result = await testMagentoConnection(clientFor(fake, { restBase: `${other.url}/rest/default` }), ['order_download']);
    expect(result).toMatchObject({ ok: false, details: { errorKind: 'config' } });
    expect(result.message).toContain('is not a Magento store');
  });

  it('finds the legacy stock items on a store without MSI', async () => {
    fake = await createFakeMagento({ msi: false });
    const result = await testMagentoConnection(clientFor(fake), ['order_download', 'inventory_upload']);
    expect(result).toMatchObject({ ok: true, details: { stock: 'legacy stock items' } });
  });
});
