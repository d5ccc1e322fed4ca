import type { Logger } from '../../../platform/ports.js';
import type { SyncPositionPort } from '../cart-connector.js';

/**
 * How the API keys reach this store, remembered between runs. A web server that drops the
 * Authorization header (CGI/FastCGI PHP without the rewrite that passes it on) does so on every
 * request, so once the client found that Basic arrives as nothing and the query-string form works, the
 * next run starts with the query string instead of first failing with Basic.
 *
 * Kept as the cart's 'api_keys_sent_as' stream position (the cart's own small state, shown in
 * Diagnostics with the others): {"via":"query_string","address":...}. The address is where the requests
 * went when it was learnt; a cart moved to another address learns again from Basic.
 */
export const KEY_DELIVERY_STREAM = 'api_keys_sent_as';

interface SavedDelivery {
  via: 'query_string';
  address: string;
}

export interface KeyDeliveryMemory {
  /** True when an earlier run learnt that this address needs the keys in the query string. */
  queryStringLearnt(): Promise<boolean>;
  /** Saves that this address needs the keys in the query string; a failed save is logged, never thrown. */
  rememberQueryString(): Promise<void>;
}

export function keyDeliveryMemory(positions: SyncPositionPort | undefined, address: string, log: Logger, label: string): KeyDeliveryMemory {
  return {
    async queryStringLearnt() {
      if (!positions) return false;
      const text = await positions.read(KEY_DELIVERY_STREAM);
      const saved = parse(text);
      return saved?.via === 'query_string' && saved.address === address;
    },
    async rememberQueryString() {
      if (!positions) return;
      const saved: SavedDelivery = { via: 'query_string', address };
      try {
        await positions.save({ [KEY_DELIVERY_STREAM]: JSON.stringify(saved) });
      } catch (err) {
        // The run goes on with the query string; the next one learns it again from one refused Basic.
        log.log('warn', `${label}: could not remember that the API keys go in the query string`, { err });
      }
    },
  };
}

function parse(text: string | null): SavedDelivery | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<SavedDelivery> | null;
    return value && value.via === 'query_string' && typeof value.address === 'string' ? { via: value.via, address: value.address } : undefined;
  } catch {
    return undefined;
  }
}
