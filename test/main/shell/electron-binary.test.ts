import { describe, expect, it } from 'vitest';
import { electronAvailability, type ElectronProbe } from '../../../main/shell/electron-binary.js';

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

  it('falls back when the electron package throws because its binary was never downloaded', () => {
    const result = electronAvailability(
      probe({
        resolveBinary: () => {
          throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again\n  at stack');
        },
      }),
    );
    expect(result).toEqual({
      ok: false,
      reason: 'its binary is not installed: Electron failed to install correctly, please delete node_modules/electron and try installing again',
    });
  });

  it('falls back when the named binary is not on disk', () => {
    expect(electronAvailability(probe({ exists: () => false }))).toEqual({
      ok: false,
      reason: 'its binary is not installed: /opt/electron/electron does not exist',
    });
  });

  it('falls back when the package names no binary at all', () => {
    expect(electronAvailability(probe({ resolveBinary: () => ({}) }))).toMatchObject({ ok: false, reason: expect.stringContaining('named no binary') });
  });

  it('falls back on Linux without a display, but not on Windows or macOS', () => {
    expect(electronAvailability(probe({ env: {} }))).toEqual({ ok: false, reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are not set)' });
    expect(electronAvailability(probe({ env: {}, platform: 'win32' }))).toMatchObject({ ok: true });
    expect(electronAvailability(probe({ env: {}, platform: 'darwin' }))).toMatchObject({ ok: true });
  });
});
