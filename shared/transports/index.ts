import { z } from 'zod';
import type { CredentialField } from '../platforms/cart-platform.js';
import { emailTransport } from './email.js';
import { folderTransport } from './folder.js';
import { ftpTransport } from './ftp.js';
import { sftpTransport } from './sftp.js';
import type { AnyTransportDescriptor } from './transport-descriptor.js';

/**
 * Every transport Dockhand speaks, in the order the transport choice shows them. The settings union,
 * the secrets every transport may take, the secret addresses and the engine's factories
 * (main/engine/transports/registry.ts, a test holds the two lists equal) all come from this list.
 */
export const TRANSPORTS = [ftpTransport, sftpTransport, folderTransport, emailTransport] as const;

type Descriptors = typeof TRANSPORTS;
export type TransportKind = Descriptors[number]['kind'];

type SettingsSchema = Descriptors[number]['settingsSchema'];
type SettingsSchemas = [SettingsSchema, ...SettingsSchema[]];

/** A transport's saved settings: one branch per transport, told apart by `kind`. */
export const transportSchema = z.discriminatedUnion('kind', TRANSPORTS.map((t) => t.settingsSchema) as unknown as SettingsSchemas);
export type TransportSettings = z.infer<typeof transportSchema>;

/** The settings of one kind. */
export type TransportSettingsOf<K extends TransportKind> = Extract<TransportSettings, { kind: K }>;

/** Every secret field any transport takes, each optional: the ones the settings need are `requiredSecrets`. */
export const transportSecretsSchema = z.object(Object.assign({}, ...TRANSPORTS.map((t) => t.secretsSchema.shape)) as TransportSecretsShape);
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type TransportSecretsShape = UnionToIntersection<Descriptors[number]['secretsSchema']['shape']>;
export type TransportSecrets = z.infer<typeof transportSecretsSchema>;

const byKind = new Map<string, AnyTransportDescriptor>(TRANSPORTS.map((t) => [t.kind, t as AnyTransportDescriptor]));

/** The descriptor of a kind; throws for one Dockhand does not know (settings are parsed before they get here). */
export function transportDescriptor(kind: string): AnyTransportDescriptor {
  const found = byKind.get(kind);
  if (!found) throw new Error(`Dockhand knows no transport "${kind}"`);
  return found;
}

/** Where the settings send their secrets ("sftp://host:22"), or null when they send none. */
export function transportSecretAddress(settings: TransportSettings): string | null {
  return transportDescriptor(settings.kind).secretAddress(settings);
}

/** The secrets the settings cannot work without. */
export function transportRequiredSecrets(settings: TransportSettings): Record<string, CredentialField> {
  return transportDescriptor(settings.kind).requiredSecrets(settings);
}

/** The place the settings point at, for messages. */
export function describeTransport(settings: TransportSettings): string {
  return transportDescriptor(settings.kind).describe(settings);
}

export type { AnyTransportDescriptor, TransportDescriptor } from './transport-descriptor.js';
