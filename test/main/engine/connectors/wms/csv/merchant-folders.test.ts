import { describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../../../shared/csv-defaults.js';
import { merchantFolders } from '../../../../../../main/engine/connectors/wms/csv/merchant-folders.js';

const settings = defaultCsvWmsSettings({ kind: 'folder', path: '/srv/wms' });
const acme = { merchantId: 1, code: 'ACME' };

describe('merchantFolders', () => {
  it('puts the merchant folder first for client_then_wms', () => {
    expect(merchantFolders(settings, acme)).toEqual({ orders: 'ACME/orders', confirmations: 'ACME/confirmations', inventory: 'ACME/inventory' });
  });

  it('puts the WMS folder first for wms_then_client', () => {
    const wmsFirst = { ...settings, folderOrder: 'wms_then_client' as const, folders: { orders: 'in/', confirmations: '/out/ship', inventory: 'stock' } };
    expect(merchantFolders(wmsFirst, acme)).toEqual({ orders: 'in/ACME', confirmations: 'out/ship/ACME', inventory: 'stock/ACME' });
  });

  it("lets a merchant's own folder win and leaves the code out when there is none", () => {
    const merchant = { merchantId: 2, code: '', folders: { orders: '/special/drop', confirmations: '  ' } };
    expect(merchantFolders(settings, merchant)).toEqual({ orders: 'special/drop', confirmations: 'confirmations', inventory: 'inventory' });
  });
});
