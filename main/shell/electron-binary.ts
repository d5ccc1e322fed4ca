import { existsSync } from 'node:fs';

/**
 * Whether the Electron app can start on this machine (used by `npm start` and the Electron smoke test).
 * The electron package downloads its binary on first install; where that never happened (no internet,
 * npm without install scripts) `require('electron')` throws or names a file that is not there. A Linux
 * machine without a display cannot show a window either.
 */

export type ElectronAvailability = { ok: true; binary: string } | { ok: false; reason: string };

export interface ElectronProbe {
  /** `createRequire(...)('electron')`: the binary's path, or a throw. */
  resolveBinary(): unknown;
  exists(path: string): boolean;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
}

export function electronAvailability(probe: ElectronProbe): ElectronAvailability {
  let binary: unknown;
  try {
    binary = probe.resolveBinary();
  } catch (err) {
    return { ok: false, reason: `its binary is not installed: ${firstLine(err)}` };
  }
  if (typeof binary !== 'string' || binary === '') return { ok: false, reason: 'its binary is not installed: the electron package named no binary' };
  if (!probe.exists(binary)) return { ok: false, reason: `its binary is not installed: ${binary} does not exist` };
  if (probe.platform === 'linux' && !probe.env.DISPLAY && !probe.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are not set)' };
  }
  return { ok: true, binary };
}

/** The probe for this process; `requireFrom` is `createRequire(import.meta.url)` of the caller. */
export function systemProbe(requireFrom: (id: string) => unknown): ElectronProbe {
  return { resolveBinary: () => requireFrom('electron'), exists: existsSync, platform: process.platform, env: process.env };
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0].trim() || 'unknown error';
}
