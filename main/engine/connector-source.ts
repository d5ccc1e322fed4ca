import { DockhandError } from '../../shared/errors.js';
import { cartPlugin } from './connectors/carts/registry.js';
import { createCsvWmsConnector } from './connectors/wms/csv/index.js';
import type { WmsMerchantTarget } from './connectors/wms/wms-connector.js';
import type { Clock, Logger, SecretCipher } from './platform/ports.js';
import type { ConnectorSource } from './services/run-context.js';
import type { CartRow } from './store/repositories/carts-repo.js';
import { getMerchant } from './store/repositories/merchants-repo.js';
import { getWms } from './store/repositories/wms-repo.js';
import type { Store } from './store/sql.js';

/** Unseal a JSON secret blob; a key that no longer matches is a config problem a person must fix. */
export function unsealJson(secrets: SecretCipher, sealed: string | null, what: string): Record<string, unknown> {
  if (!sealed) return {};
  try {
    return JSON.parse(secrets.decrypt(sealed)) as Record<string, unknown>;
  } catch {
    throw new DockhandError('config', `The saved ${what} cannot be decrypted (was the data folder moved to another machine?). Enter them again.`);
  }
}

export function sealJson(secrets: SecretCipher, value: Record<string, unknown>): string | null {
  const present = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== ''));
  return Object.keys(present).length ? secrets.encrypt(JSON.stringify(present)) : null;
}

export function createConnectorSource(deps: { store: Store; clock: Clock; log: Logger; secrets: SecretCipher }): ConnectorSource {
  return {
    cart(cart: CartRow, hooks) {
      const plugin = cartPlugin(cart.platform);
      if (!plugin) throw new DockhandError('config', `Unknown cart platform "${cart.platform}"`);
      const settings = plugin.settingsSchema.safeParse(cart.settings);
      if (!settings.success) throw new DockhandError('config', `${cart.name}: the saved settings are invalid: ${settings.error.issues[0]?.message}`);
      const credentials = plugin.credentialsSchema.safeParse(unsealJson(deps.secrets, cart.credentialsSealed, `credentials of ${cart.name}`));
      if (!credentials.success) throw new DockhandError('config', `${cart.name}: the saved credentials are invalid`);
      const connector = plugin.create(
        { clock: deps.clock, log: deps.log.child({ cart: cart.id, platform: cart.platform }), signal: hooks.signal, onThrottle: hooks.onThrottle },
        settings.data,
        credentials.data,
      );
      return { connector, manifest: plugin.manifest };
    },
    async wms(signal) {
      const row = await deps.store.read((db) => getWms(db));
      if (!row) throw new DockhandError('config', 'No WMS is set up yet: open WMS setup first');
      const secrets = unsealJson(deps.secrets, row.secretsSealed, 'WMS password');
      return createCsvWmsConnector(row.settings, { password: secrets.password as string | undefined }, { clock: deps.clock, log: deps.log.child({ wms: row.kind }), signal });
    },
    async merchantTarget(merchantId): Promise<WmsMerchantTarget> {
      const m = await deps.store.read((db) => getMerchant(db, merchantId));
      if (!m) throw new DockhandError('not_found', `Merchant ${merchantId} does not exist`);
      return { merchantId: m.id, code: m.code, folders: m.folders ?? undefined };
    },
  };
}
