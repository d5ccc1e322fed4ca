import path from 'node:path';
import { DockhandError } from '../../shared/errors.js';
import { cartPlatform } from '../../shared/platforms/index.js';
import { awaitsGrant } from '../../shared/platforms/oauth-grant.js';
import { PLAIN } from '../../shared/plain-messages.js';
import { wmsSecretAddress } from '../../shared/schemas/wms.js';
import { memoryCartPorts } from './connectors/carts/memory-ports.js';
import { cartPlugin } from './connectors/carts/registry.js';
import { createCsvWmsConnector } from './connectors/wms/csv/index.js';
import { storedHeldFiles } from './connectors/wms/csv/stored-held-files.js';
import { clearNotArchived } from './services/inbound-file-alerts.js';
import { profilesResolver } from './formats/resolve-formats.js';
import { withFileContent } from './kept-files/file-content-tee.js';
import { createTransport } from './transports/create-transport.js';
import { wasInboundFileApplied } from './store/repositories/applied-files-repo.js';
import type { WmsMerchantTarget } from './connectors/wms/wms-connector.js';
import type { Clock, Logger, SecretCipher } from './platform/ports.js';
import { storedRotatedCredentials, type RotationLineage } from './rotated-credentials.js';
import { savedFieldNames, secretToSend } from './saved-secret.js';
import type { ConnectorSource } from './services/run-context.js';
import type { CartRow } from './store/repositories/carts-repo.js';
import { getMerchant } from './store/repositories/merchants-repo.js';
import { getWms } from './store/repositories/wms-repo.js';
import { listShipMethods } from './store/repositories/ship-methods-repo.js';
import type { Store } from './store/sql.js';
import { storedSyncPositions } from './stored-sync-positions.js';

/** Where a cart's saved settings send its credentials; null when they cannot be read or send none. */
export function cartSecretAddress(cart: Pick<CartRow, 'platform' | 'settings'>): string | null {
  const plugin = cartPlugin(cart.platform);
  const settings = plugin?.settingsSchema.safeParse(cart.settings);
  return plugin && settings?.success ? plugin.secretAddress(settings.data) : null;
}

export interface ConnectorSourceDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  secrets: SecretCipher;
  /** The cart plugins by platform (registry.ts); tests pass their own scripted platforms. */
  plugins?: typeof cartPlugin;
  /** The platform descriptors by platform (shared/platforms); tests pass their scripted ones. */
  descriptors?: typeof cartPlatform;
}

export function createConnectorSource(deps: ConnectorSourceDeps): ConnectorSource {
  const pluginOf = deps.plugins ?? cartPlugin;
  const descriptorOf = deps.descriptors ?? cartPlatform;
  const lineage: RotationLineage = new Map();
  return {
    cart(cart: CartRow, hooks) {
      const plugin = pluginOf(cart.platform);
      if (!plugin) throw new DockhandError('config', `Unknown cart platform "${cart.platform}"`);
      const settings = plugin.settingsSchema.safeParse(cart.settings, PLAIN);
      if (!settings.success) throw new DockhandError('config', `${cart.name}: the saved settings are invalid: ${settings.error.issues[0]?.message}`);
      const saved = { sealed: cart.credentialsSealed, address: plugin.secretAddress(settings.data) };
      const values = secretToSend(deps.secrets, saved, `credentials of ${cart.name}`);
      const credentials = plugin.credentialsSchema.safeParse(values, PLAIN);
      if (!credentials.success) throw new DockhandError('config', `${cart.name}: the saved credentials are invalid`);
      const log = deps.log.child({ cart: cart.id, platform: cart.platform });
      // A row with id 0 is a Test of settings not saved yet: what its connector learns lives only as long as it.
      const ports =
        cart.id > 0
          ? {
              positions: storedSyncPositions(deps.store, deps.clock, cart.id),
              credentials: storedRotatedCredentials({
                store: deps.store,
                cipher: deps.secrets,
                log,
                lineage,
                cartId: cart.id,
                address: saved.address,
                values,
                accepts: (merged) => plugin.credentialsSchema.safeParse(merged).success,
              }),
            }
          : memoryCartPorts();
      const connector = plugin.create(
        { clock: deps.clock, log, signal: hooks.signal, onThrottle: hooks.onThrottle, onNotice: hooks.onNotice, positions: ports.positions, credentials: ports.credentials },
        settings.data,
        credentials.data,
      );
      return { connector, manifest: plugin.manifest };
    },
    cartGrantNotices(cart, nowIso) {
      const plugin = pluginOf(cart.platform);
      if (!plugin?.grantNotices) return [];
      try {
        const settings = plugin.settingsSchema.safeParse(cart.settings);
        if (!settings.success) return [];
        const values = secretToSend(deps.secrets, { sealed: cart.credentialsSealed, address: plugin.secretAddress(settings.data) }, `credentials of ${cart.name}`);
        const credentials = plugin.credentialsSchema.safeParse(values);
        return credentials.success ? plugin.grantNotices(credentials.data, nowIso) : [];
      } catch {
        return []; // no credentials saved yet, or bound to another address: the run says so
      }
    },
    descriptor: descriptorOf,
    awaitsConnection(cart) {
      const oauth = descriptorOf(cart.platform)?.oauth;
      if (!oauth) return false;
      // Only the names of the saved fields are read; credentials that cannot be opened are not a
      // connection to wait for: the run says what is wrong with them.
      const saved = savedFieldNames(deps.secrets, cart.credentialsSealed);
      return saved !== null && awaitsGrant(oauth, saved);
    },
    async wms(signal) {
      const { row, methods, profilesFor } = await deps.store.read((db) => {
        const row = getWms(db);
        return { row, methods: listShipMethods(db), profilesFor: row ? profilesResolver(db, row.settings) : undefined };
      });
      if (!row) throw new DockhandError('config', 'No WMS is set up yet: open WMS setup first');
      const carriers = new Map(methods.filter((m) => m.carrier.trim() !== '').map((m) => [m.code, m.carrier]));
      const secrets = secretToSend(deps.secrets, { sealed: row.secretsSealed, address: wmsSecretAddress(row.settings) }, 'WMS password');
      const ctx = { clock: deps.clock, log: deps.log.child({ wms: row.kind }), signal, carriers };
      // A held file released (archived at last, or gone) takes its "not archived" alert with it.
      const heldFiles = storedHeldFiles(deps.store, deps.clock, (db, file, now) => {
        if (file.merchantId !== undefined) clearNotArchived(db, file.merchantId, path.posix.basename(file.path), now);
      });
      // The transport is teed so the services can keep the files sent and read (kept-files/).
      // The record of applied files, so a transport that can tell its files apart by name (e-mail) never hands one out twice.
      const appliedFiles = { wasApplied: (name: string) => deps.store.read((db) => wasInboundFileApplied(db, name)) };
      return withFileContent((transport) => createCsvWmsConnector(row.settings, secrets, ctx, { profilesFor, transport, heldFiles }), createTransport(row.settings.transport, secrets, { ...ctx, appliedFiles }));
    },
    async merchantTarget(merchantId): Promise<WmsMerchantTarget> {
      const m = await deps.store.read((db) => getMerchant(db, merchantId));
      if (!m) throw new DockhandError('not_found', `Merchant ${merchantId} does not exist`);
      return { merchantId: m.id, code: m.code, folders: m.folders ?? undefined };
    },
  };
}
