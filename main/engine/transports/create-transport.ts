import type { TransportSecrets, TransportSettings } from '../../../shared/transports/index.js';
import { TRANSPORT_FACTORIES, type TransportContext, type TransportFactory } from './registry.js';
import type { Transport } from './transport.js';

/** The transport the settings name (a WMS setup, a CSV order source), from the registry. */
export function createTransport(settings: TransportSettings, secrets: TransportSecrets, ctx: TransportContext): Transport {
  const factory = TRANSPORT_FACTORIES[settings.kind] as TransportFactory<TransportSettings['kind']>;
  return factory(settings as never, secrets, ctx);
}
