import type { MerchantView } from '../../../../shared/api-types.js';
import type { MethodInput } from '../../../../shared/contract.js';
import type { PartialShipmentMode } from '../../../../shared/domain.js';
import type { FieldErrors } from '../../../../shared/errors.js';
import type { FormatIds } from '../../../../shared/schemas/file-format.js';

/** The merchant form's values as the user types them, and their conversion to the API's input. */

export type MerchantSchedules = MerchantView['schedules'];

export interface MerchantDraft {
  name: string;
  code: string;
  folders: { orders: string; confirmations: string; inventory: string };
  /** E-mail addresses as typed: one per line, or separated by commas. */
  contacts: string;
  schedules: MerchantSchedules;
  partialShipments: PartialShipmentMode;
  /** File formats this merchant uses instead of the warehouse's; a kind absent: the warehouse's. */
  fileFormats: FormatIds;
}

export const DEFAULT_MERCHANT_SCHEDULES: MerchantSchedules = { order_delivery: 15, shipment_pickup: 30, inventory_pickup: 60 };

export function newMerchantDraft(): MerchantDraft {
  return {
    name: '',
    code: '',
    folders: { orders: '', confirmations: '', inventory: '' },
    contacts: '',
    schedules: { ...DEFAULT_MERCHANT_SCHEDULES },
    partialShipments: 'as_shipped',
    fileFormats: {},
  };
}

export function merchantDraftFrom(merchant: MerchantView): MerchantDraft {
  return {
    name: merchant.name,
    code: merchant.code,
    folders: {
      orders: merchant.folders?.orders ?? '',
      confirmations: merchant.folders?.confirmations ?? '',
      inventory: merchant.folders?.inventory ?? '',
    },
    contacts: merchant.errorContacts.join('\n'),
    schedules: { ...merchant.schedules },
    partialShipments: merchant.partialShipments,
    fileFormats: { ...merchant.fileFormats },
  };
}

export function splitContacts(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function merchantInputFrom(draft: MerchantDraft): MethodInput<'merchants.create'> {
  const folders = Object.fromEntries(Object.entries(draft.folders).filter(([, value]) => value.trim() !== '').map(([key, value]) => [key, value.trim()]));
  return {
    name: draft.name,
    code: draft.code,
    // No override at all is stored as null: the WMS folders apply.
    folders: Object.keys(folders).length > 0 ? folders : null,
    errorContacts: splitContacts(draft.contacts),
    schedules: draft.schedules,
    partialShipments: draft.partialShipments,
    fileFormats: draft.fileFormats,
  };
}

/** "errorContacts.2" means the third address is bad: show it on the one contacts field, naming it. */
export function foldContactErrors(errors: FieldErrors, draft: MerchantDraft): FieldErrors {
  const folded: FieldErrors = {};
  const contacts = splitContacts(draft.contacts);
  for (const [key, message] of Object.entries(errors)) {
    const match = /^errorContacts\.(\d+)$/.exec(key);
    if (match) {
      const address = contacts[Number(match[1])];
      folded.errorContacts ??= address ? `${message}: "${address}"` : message;
    } else folded[key] = message;
  }
  return folded;
}
