import type { WmsView } from '../../../../shared/api-types.js';
import type { MethodInput } from '../../../../shared/contract.js';
import { DEFAULT_CONFIRMATION_PROFILE, DEFAULT_INVENTORY_PROFILE, DEFAULT_ORDER_PROFILE } from '../../../../shared/csv-defaults.js';
import type { CsvWmsSettings } from '../../../../shared/schemas/wms.js';

/** The WMS form's values as typed, and their conversion to `wms.save` / `wms.test` input. */

/** What the user picks; FTP and FTPS are one transport in the settings, told apart by `security`. */
export type TransportChoice = 'ftp' | 'ftps' | 'folder';
export type FolderKind = 'orders' | 'confirmations' | 'inventory';

export interface WmsDraft {
  transport: TransportChoice;
  host: string;
  port: string;
  user: string;
  /** Log in as "anonymous" with no password. */
  anonymous: boolean;
  /** Blank keeps the saved password. */
  password: string;
  passive: boolean;
  allowSelfSigned: boolean;
  root: string;
  folderPath: string;
  folderOrder: CsvWmsSettings['folderOrder'];
  folders: Record<FolderKind, string>;
  orderProfile: CsvWmsSettings['orderProfile'];
  confirmationProfile: CsvWmsSettings['confirmationProfile'];
  inventoryProfile: CsvWmsSettings['inventoryProfile'];
}

export function newWmsDraft(): WmsDraft {
  return {
    transport: 'ftp',
    host: '',
    port: '21',
    user: '',
    anonymous: false,
    password: '',
    passive: true,
    allowSelfSigned: false,
    root: '/',
    folderPath: '',
    folderOrder: 'client_then_wms',
    folders: { orders: 'orders', confirmations: 'confirmations', inventory: 'inventory' },
    orderProfile: structuredClone(DEFAULT_ORDER_PROFILE),
    confirmationProfile: structuredClone(DEFAULT_CONFIRMATION_PROFILE),
    inventoryProfile: structuredClone(DEFAULT_INVENTORY_PROFILE),
  };
}

export function wmsDraftFrom(view: WmsView): WmsDraft {
  const s = view.settings;
  if (!s) return newWmsDraft();
  const base = newWmsDraft();
  const t = s.transport;
  return {
    ...base,
    ...(t.kind === 'ftp'
      ? {
          transport: t.security === 'explicit' ? 'ftps' : 'ftp',
          host: t.host,
          port: String(t.port),
          user: t.user,
          anonymous: t.anonymous === true,
          passive: t.passive,
          allowSelfSigned: t.allowSelfSigned,
          root: t.root,
        }
      : t.kind === 'folder'
        ? { transport: 'folder' as const, folderPath: t.path }
        : {}),
    folderOrder: s.folderOrder,
    folders: { ...s.folders },
    orderProfile: s.orderProfile,
    confirmationProfile: s.confirmationProfile,
    inventoryProfile: s.inventoryProfile,
  };
}

export function wmsInputFrom(draft: WmsDraft): MethodInput<'wms.save'> {
  const transport =
    draft.transport === 'folder'
      ? { kind: 'folder' as const, path: draft.folderPath.trim() }
      : {
          kind: 'ftp' as const,
          host: draft.host.trim(),
          port: draft.port.trim() === '' ? 21 : Number(draft.port),
          ...(draft.anonymous ? { anonymous: true, user: '' } : { user: draft.user.trim() }),
          security: draft.transport === 'ftps' ? ('explicit' as const) : ('none' as const),
          allowSelfSigned: draft.transport === 'ftps' && draft.allowSelfSigned,
          passive: draft.passive,
          root: draft.root.trim() || '/',
        };
  return {
    settings: {
      kind: 'csv',
      transport,
      folderOrder: draft.folderOrder,
      folders: { orders: draft.folders.orders.trim(), confirmations: draft.folders.confirmations.trim(), inventory: draft.folders.inventory.trim() },
      orderProfile: draft.orderProfile,
      confirmationProfile: draft.confirmationProfile,
      inventoryProfile: draft.inventoryProfile,
    },
    // A password only travels when typed: none means "keep the saved one".
    secrets: draft.transport !== 'folder' && !draft.anonymous && draft.password !== '' ? { password: draft.password } : {},
  };
}

/** Where a merchant's files go, as the connector builds it: root, then client and WMS folder in the chosen order. */
export function examplePath(draft: WmsDraft, merchantCode: string, kind: FolderKind): string {
  const base = draft.transport === 'folder' ? draft.folderPath.trim() || '<folder>' : draft.root.trim() || '/';
  const wmsFolder = draft.folders[kind].trim();
  const parts = draft.folderOrder === 'wms_then_client' ? [wmsFolder, merchantCode] : [merchantCode, wmsFolder];
  const separator = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  const tail = parts.filter(Boolean).join(separator);
  return base.endsWith(separator) ? `${base}${tail}` : `${base}${separator}${tail}`;
}
