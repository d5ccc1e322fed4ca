import { DockhandError } from '../../shared/errors.js';
import { PLAIN } from '../../shared/plain-messages.js';
import { wmsSecretAddress } from '../../shared/schemas/wms.js';
import { cartPlugin } from './connectors/carts/registry.js';
import { createCsvWmsConnector } from './connectors/wms/csv/index.js';
import type { WmsMerchantTarget } from './connectors/wms/wms-connector.js';
import type { Clock, Logger, SecretCipher } from './platform/ports.js';
import { secretToSend } from './saved-secret.js';
import type { ConnectorSource } from './services/run-context.js';
import type { CartRow } from './store/repositories/carts-repo.js';
import { getMerchant } from './store/repositories/merchants-repo.js';
import { getWms } from './store/repositories/wms-repo.js';
import { listShipMethods } from './store/repositories/ship-methods-repo.js';
import type { Store } from './store/sql.js';

/** Where a cart's saved settings send its credentials; null when they cannot be read or send none. */
export function cartSecretAddress(cart: Pick<CartRow, 'platform' | 'settings'>): string | null {
  const plugin = cartPlugin(cart.platform);
  const settings = plugin?.settingsSchema.safeParse(cart.settings);
  return plugin && settings?.success ? plugin.secretAddress(settings.data) : null;
}

export function createConnectorSource(deps: { store: Store; clock: Clock; log: Logger; secrets: SecretCipher }): ConnectorSource {
  return {
    cart(cart: CartRow, hooks) {
      const plugin = cartPlugin(cart.platform);
      if (!plugin) throw new DockhandError('config', `Unknown cart platform "${cart.platform}"`);
      const settings = plugin.settingsSchema.safeParse(cart.settings, PLAIN);
      if (!settings.success) throw new DockhandError('config', `${cart.name}: the saved settings are invalid: ${settings.error.issues[0]?.message}`);
      const saved = { sealed: cart.credentialsSealed, address: plugin.secretAddress(settings.data) };
      const credentials = plugin.credentialsSchema.safeParse(secretToSend(deps.secrets, saved, `credentials of ${cart.name}`), PLAIN);
      if (!credentials.success) throw new DockhandError('config', `${cart.name}: the saved credentials are invalid`);
      const connector = plugin.create(
        { clock: deps.clock, log: deps.log.child({ cart: cart.id, platform: cart.platform }), signal: hooks.signal, onThrottle: hooks.onThrottle },
        settings.data,
        credentials.data,
      );
      return { connector, manifest: plugin.manifest };
    },
    async wms(signal) {
      const { row, methods } = await deps.store.read((db) => ({ row: getWms(db), methods: listShipMethods(db) }));
      if (!row) throw new DockhandError('config', 'No WMS is set up yet: open WMS setup first');
      const carriers = new Map(methods.filter((m) => m.carrier.trim() !== '').map((m) => [m.code, m.carrier]));
      const secrets = secretToSend(deps.secrets, { sealed: row.secretsSealed, address: wmsSecretAddress(row.settings) }, 'WMS password');
      return createCsvWmsConnector(row.settings, { password: secrets.password as string | undefined }, { clock: deps.clock, log: deps.log.child({ wms: row.kind }), signal, carriers });
    },
    async merchantTarget(merchantId): Promise<WmsMerchantTarget> {
      const m = await deps.store.read((db) => getMerchant(db, merchantId));
      if (!m) throw new DockhandError('not_found', `Merchant ${merchantId} does not exist`);
      return { merchantId: m.id, code: m.code, folders: m.folders ?? undefined };
    },
  };
}
