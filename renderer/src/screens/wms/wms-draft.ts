import type { WmsView } from '../../../../shared/api-types.js';
import type { MethodInput } from '../../../../shared/contract.js';
import type { FormatIds } from '../../../../shared/schemas/file-format.js';
import type { CsvWmsSettings } from '../../../../shared/schemas/wms.js';
import {
  newTransportDraft,
  transportDraftFrom,
  transportSecretsFrom,
  transportSettingsFrom,
  type TransportDraft,
} from '../../components/transports/transport-draft.js';

/** The WMS form's values as typed, and their conversion to `wms.save` / `wms.test` input. */

// The transport's fields are shared with the CSV order source's form (components/transports/).
export { ftpServerKey, missingSecret, pinnedCertificateFor, transportChange, unconfirmedServerKey, type TransportChoice } from '../../components/transports/transport-draft.js';

export type FolderKind = 'orders' | 'confirmations' | 'inventory';

export interface WmsDraft extends TransportDraft {
  folderOrder: CsvWmsSettings['folderOrder'];
  folders: Record<FolderKind, string>;
  /** The done-marker suffix (".done"), '' when files are read once their size is stable. */
  doneMarker: string;
  /** The saved file formats chosen (Formats screen); a kind not chosen gets the standard one on save. */
  formats: FormatIds;
}

export function newWmsDraft(): WmsDraft {
  return {
    ...newTransportDraft(),
    folderOrder: 'client_then_wms',
    folders: { orders: 'orders', confirmations: 'confirmations', inventory: 'inventory' },
    doneMarker: '',
    formats: {},
  };
}

export function wmsDraftFrom(view: WmsView): WmsDraft {
  const s = view.settings;
  if (!s) return newWmsDraft();
  return {
    ...newWmsDraft(),
    ...transportDraftFrom(s.transport),
    folderOrder: s.folderOrder,
    folders: { orders: s.folders.orders, confirmations: s.folders.confirmations, inventory: s.folders.inventory },
    doneMarker: s.folders.doneMarker ?? '',
    formats: { ...s.formats },
  };
}

export function wmsInputFrom(draft: WmsDraft): MethodInput<'wms.save'> {
  // A secret only travels when typed: none means "keep the saved one".
  return { settings: settingsWith(draft, transportSettingsFrom(draft)), secrets: transportSecretsFrom(draft) };
}

type WmsSettingsInput = MethodInput<'wms.save'>['settings'];

function settingsWith(draft: WmsDraft, transport: WmsSettingsInput['transport']): WmsSettingsInput {
  return {
    kind: 'csv',
    transport,
    folderOrder: draft.folderOrder,
    folders: {
      orders: draft.folders.orders.trim(),
      confirmations: draft.folders.confirmations.trim(),
      inventory: draft.folders.inventory.trim(),
      ...(draft.doneMarker.trim() !== '' ? { doneMarker: draft.doneMarker.trim() } : {}),
    },
    formats: draft.formats,
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

/** The input with the server key a person just confirmed. */
export function withServerKey(input: MethodInput<'wms.save'>, hostKeyFingerprint: string): MethodInput<'wms.save'> {
  const transport = input.settings.transport;
  if (transport.kind !== 'sftp') return input;
  return { ...input, settings: { ...input.settings, transport: { ...transport, hostKeyFingerprint } } };
}
