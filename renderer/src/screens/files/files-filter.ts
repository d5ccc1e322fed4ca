import type { MethodInput } from '../../../../shared/contract.js';
import type { KeptFileView } from '../../../../shared/api-types.js';

/** What the Files screen's filters hold, as the controls show them (strings; '' is "any"). */
export interface FilesFilter {
  merchantId: string;
  direction: '' | KeptFileView['direction'];
  kind: '' | KeptFileView['kind'];
  /** YYYY-MM-DD in the user's zone, or ''. */
  from: string;
  to: string;
  text: string;
}

export const NO_FILTER: FilesFilter = { merchantId: '', direction: '', kind: '', from: '', to: '', text: '' };

export const DIRECTION_LABELS: Record<KeptFileView['direction'], string> = { sent: 'Sent', received: 'Received' };
export const KIND_LABELS: Record<KeptFileView['kind'], string> = {
  order: 'Order file',
  confirmation: 'Shipping confirmations',
  inventory: 'Inventory',
  order_source: 'Order source file',
};

/** A day typed in the user's zone, as the UTC instant it starts at. */
function startOfDay(day: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}

/** The `files.list` input of a filter: the "to" day is included whole. */
export function listInput(filter: FilesFilter, page: { limit: number; offset: number }): MethodInput<'files.list'> {
  const text = filter.text.trim();
  return {
    ...(filter.merchantId ? { merchantId: Number(filter.merchantId) } : {}),
    ...(filter.direction ? { direction: filter.direction } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(startOfDay(filter.from) ? { from: startOfDay(filter.from) } : {}),
    ...(startOfDay(filter.to, 1) ? { to: startOfDay(filter.to, 1) } : {}),
    ...(text ? { text } : {}),
    ...page,
  };
}

export function isFiltered(filter: FilesFilter): boolean {
  return Object.values(filter).some((v) => v.trim() !== '');
}

/** "1.2 MB": a file's size for people. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
