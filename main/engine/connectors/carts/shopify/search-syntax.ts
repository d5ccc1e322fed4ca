/** Shopify search syntax ("updated_at:>='...' sku:\"A B\"") values, quoted so spaces and colons are safe. */
export function quoteSearchValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Shopify search reads second precision; flooring keeps a >= bound inclusive. */
export function searchTime(iso: string): string {
  return `${new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}
