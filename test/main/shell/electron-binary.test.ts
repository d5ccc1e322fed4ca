import { describe, expect, it } from 'vitest';
import { electronAvailability, NOT_DOWNLOADED, type ElectronProbe } from '../../../main/shell/electron-binary.js';

const probe = (over: Partial<ElectronProbe>): ElectronProbe => ({
  resolveBinary: () => '/opt/electron/electron',
  exists: () => true,
  platform: 'linux',
  env: { DISPLAY: ':0' },
  ...over,
});

describe('whether npm start can launch Electron', () => {
  it('launches the binary the electron package names when it exists and there is a display', () => {
    expect(electronAvailability(probe({}))).toEqual({ ok: true, binary: '/opt/electron/electron' });
    expect(electronAvailability(probe({ env: { WAYLAND_DISPLAY: 'wayland-0' } }))).toMatchObject({ ok: true });
  });

  it('says the binary is not downloaded yet, in its own words, when the electron package throws', () => {
    const result = electronAvailability(
      probe({
        resolveBinary: () => {
          throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again\n  at stack');
        },
      }),
    );
    expect(result).toEqual({ ok: false, reason: NOT_DOWNLOADED, missingBinary: true });
    // The package's advice fails again on a machine that cannot download: it is never passed on.
    expect(JSON.stringify(result)).not.toMatch(/delete|node_modules/);
  });

  it('says the binary is not downloaded yet when the named binary is not on disk or no binary is named', () => {
    expect(electronAvailability(probe({ exists: () => false }))).toEqual({ ok: false, reason: NOT_DOWNLOADED, missingBinary: true });
    expect(electronAvailability(probe({ resolveBinary: () => ({}) }))).toEqual({ ok: false, reason: NOT_DOWNLOADED, missingBinary: true });
  });

  it('falls back on Linux without a display without asking for a download, but not on Windows or macOS', () => {
    expect(electronAvailability(probe({ env: {}, resolveBinary: () => { throw new Error('no binary'); } }))).toEqual({
      ok: false,
      reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are not set)',
      missingBinary: false,
    });
    expect(electronAvailability(probe({ env: {}, platform: 'win32' }))).toMatchObject({ ok: true });
    expect(electronAvailability(probe({ env: {}, platform: 'darwin' }))).toMatchObject({ ok: true });
  });
});
