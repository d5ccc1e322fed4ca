import type { z } from 'zod';
import type { CredentialField } from '../platforms/cart-platform.js';

/**
 * One way files travel between Dockhand and a warehouse or a merchant (FTP, SFTP, a folder, ...). The
 * descriptor is all the rest of the code knows of a transport: the contract builds the settings union
 * from the list in index.ts, the handlers ask it which secrets the settings need and where they may go,
 * messages name the place by it, and the engine's registry (main/engine/transports/registry.ts) has one
 * factory per kind. Adding a transport = a descriptor here, a factory there, a fields form; no handler.
 */
export interface TransportDescriptor<Kind extends string = string, Settings extends { kind: Kind } = { kind: Kind }> {
  kind: Kind;
  /** What the transport choice shows: "SFTP (SSH)". */
  label: string;
  /** One sentence under the choice. */
  help: string;
  /** The saved settings (a branch of the `kind` union: a z.object with `kind: z.literal(kind)`). */
  settingsSchema: z.ZodType<Settings> & { shape: { kind: z.ZodLiteral<Kind> } };
  /** Every secret field the transport may take, each optional (which are needed is `requiredSecrets`). */
  secretsSchema: z.ZodObject;
  /**
   * Where the secrets are sent, as a person reads it ("sftp://files.example.com:22"), or null when no
   * secret is sent at all (a folder, an anonymous login). A saved secret goes only to the address it was
   * saved for, so every field that changes where it goes (scheme, host, port) is part of it.
   */
  secretAddress(settings: Settings): string | null;
  /** The secret fields these settings cannot work without, named for the messages. */
  requiredSecrets(settings: Settings): Record<string, CredentialField>;
  /** The place in a message: "sftp://dockhand@files.example.com:22/outbox". Never a secret. */
  describe(settings: Settings): string;
}

/** A descriptor with its settings type erased, for code that handles any transport. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTransportDescriptor = TransportDescriptor<string, any>;
