import type { z } from 'zod';
import type { CartPlatform } from '../../../../shared/platforms/index.js';
import type { CartPlugin } from './cart-connector.js';

/**
 * What a connector takes from its platform's descriptor (shared/platforms): the manifest, the schemas
 * its saved settings and credentials are read with, where its secrets may go, which it needs, and
 * what a person should change. The connector adds only how to connect.
 */
export function pluginBasics<Settings, Credentials>(
  platform: CartPlatform,
): Omit<CartPlugin<Settings, Credentials>, 'create' | 'parseCursor'> {
  return {
    manifest: { platform: platform.platform, displayName: platform.displayName, capabilities: { ...platform.capabilities } },
    // Saved settings: wider than what may be saved today where the platform says so.
    settingsSchema: (platform.savedSettingsSchema ?? platform.settingsSchema) as z.ZodType<Settings>,
    credentialsSchema: platform.credentialsSchema as z.ZodType<Credentials>,
    secretAddress: (settings) => platform.secretAddress(settings),
    requiredCredentials: (settings) => platform.requiredCredentials(settings),
    settingsNotices: (settings) => platform.settingsNotices?.(settings) ?? [],
  };
}
