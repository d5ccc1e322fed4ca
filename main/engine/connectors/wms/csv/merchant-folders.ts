import type { CsvWmsSettings } from '../../../../../shared/schemas/wms.js';
import { joinRelative } from '../../../transports/remote-path.js';
import type { WmsMerchantTarget } from '../wms-connector.js';

export type FolderKind = 'orders' | 'confirmations' | 'inventory';

/**
 * Where a merchant's files live, relative to the transport root. A merchant's own folder setting wins;
 * otherwise the WMS folder and the merchant code are combined in the configured order
 * (client_then_wms: acme/orders; wms_then_client: orders/acme). An empty code (single-merchant
 * accounts) leaves just the WMS folder.
 */
export function merchantFolder(settings: CsvWmsSettings, merchant: WmsMerchantTarget, kind: FolderKind): string {
  const override = merchant.folders?.[kind];
  if (override !== undefined && override.trim() !== '') return joinRelative(override);
  const wmsFolder = settings.folders[kind];
  return settings.folderOrder === 'wms_then_client'
    ? joinRelative(wmsFolder, merchant.code)
    : joinRelative(merchant.code, wmsFolder);
}

export function merchantFolders(settings: CsvWmsSettings, merchant: WmsMerchantTarget): Record<FolderKind, string> {
  return {
    orders: merchantFolder(settings, merchant, 'orders'),
    confirmations: merchantFolder(settings, merchant, 'confirmations'),
    inventory: merchantFolder(settings, merchant, 'inventory'),
  };
}

export const ARCHIVE_FOLDER = 'archive';
export const ERROR_FOLDER = 'error';

/**
 * Where a settled inbound file goes: `archive/2026-12-06` or `error/2026-12-06` under its inbound
 * folder, by the day (UTC) it was settled, so a busy folder stays browsable and a day's files are
 * found together. Files archived before this layout stay directly in archive/ and error/; nothing
 * reads them back, and people and the file keeper find both layouts.
 */
export function datedFolder(inbound: string, kind: typeof ARCHIVE_FOLDER | typeof ERROR_FOLDER, when: Date): string {
  return joinRelative(inbound, kind, when.toISOString().slice(0, 10));
}
