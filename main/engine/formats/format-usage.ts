import type { FileFormatUsage } from '../../../shared/api-types.js';
import { FORMAT_KINDS } from '../../../shared/schemas/file-format.js';
import { listMerchantFormatIds } from '../store/repositories/file-formats-repo.js';
import { listMerchants } from '../store/repositories/merchants-repo.js';
import { getWms } from '../store/repositories/wms-repo.js';
import type { SqlReader } from '../store/sql.js';

/** Who uses each saved format: read once, asked per format. */
export function formatUsage(db: SqlReader): (formatId: number) => FileFormatUsage {
  const wmsIds = new Set<number>();
  const formats = getWms(db)?.settings?.formats;
  for (const kind of FORMAT_KINDS) if (formats?.[kind] !== undefined) wmsIds.add(formats[kind]);
  const names = new Map(listMerchants(db).map((m) => [m.id, m.name]));
  const merchantsOf = new Map<number, { id: number; name: string }[]>();
  for (const [merchantId, ids] of listMerchantFormatIds(db)) {
    for (const formatId of new Set(Object.values(ids))) {
      const list = merchantsOf.get(formatId) ?? [];
      list.push({ id: merchantId, name: names.get(merchantId) ?? `merchant ${merchantId}` });
      merchantsOf.set(formatId, list);
    }
  }
  return (formatId) => ({
    wms: wmsIds.has(formatId),
    merchants: (merchantsOf.get(formatId) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
  });
}

/** "the WMS setup and the merchants Acme and Beta", or undefined when nobody uses it. */
export function usageInWords(usage: FileFormatUsage): string | undefined {
  const parts: string[] = [];
  if (usage.wms) parts.push('the WMS setup');
  const names = usage.merchants.map((m) => m.name);
  if (names.length === 1) parts.push(`the merchant ${names[0]}`);
  else if (names.length > 1) parts.push(`the merchants ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}
