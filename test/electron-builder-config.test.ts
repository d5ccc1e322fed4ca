import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';

const root = path.resolve(import.meta.dirname, '..');

/** electron-builder.yml as electron-builder itself reads it (with package.json's metadata). */
async function packagingConfig(): Promise<Configuration> {
  return getConfig(root, 'electron-builder.yml', null);
}

const quietDebug = { isEnabled: false, add() {} } as never;

describe('the desktop build (electron-builder.yml)', () => {
  it('packs the app into an asar archive', async () => {
    const config = await packagingConfig();
    expect(config.asar).not.toBe(false);
    expect(config.asar).not.toBeNull();
  });

  it('flips the fuses: no running as Node, no NODE_OPTIONS, no --inspect; encrypted cookies; only an integrity-checked asar is loaded', async () => {
    const config = await packagingConfig();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The screens load from the app's own dockhand:// scheme, never file://.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is a configuration electron-builder accepts (a misspelt fuse would be refused here, not ignored)', async () => {
    const config = await packagingConfig();
    await expect(validateConfiguration(config, quietDebug)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNode: false, runAsnode: false } } as Configuration, quietDebug)).rejects.toThrow(
      /electronFuses/,
    );
  });
});
