import { existsSync } from 'node:fs';

/**
 * Whether the Electron app can start on this machine (used by `npm start` and the Electron smoke test).
 * `npm install` does not run the electron package's download (package.json's allowScripts denies it, so
 * an install never fails on a machine that cannot reach GitHub); `npm start` fetches the binary on
 * first use where it can (scripts/electron-download.ts). Until then `require('electron')` throws or
 * names a file that is not there. A Linux machine without a display cannot show a window either.
 */

export type ElectronAvailability =
  | { ok: true; binary: string }
  /** `missingBinary`: what is missing is the download, which `npm start` may still fetch. */
  | { ok: false; reason: string; missingBinary: boolean };

export interface ElectronProbe {
  /** `createRequire(...)('electron')`: the binary's path, or a throw. */
  resolveBinary(): unknown;
  exists(path: string): boolean;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
}

/**
 * Said instead of the electron package's own message, whose advice (delete node_modules/electron and
 * install again) fails the same way on a machine that cannot download the binary.
 */
export const NOT_DOWNLOADED = "its binary has not been downloaded (npm install leaves that to the first npm start)";

export function electronAvailability(probe: ElectronProbe): ElectronAvailability {
  if (probe.platform === 'linux' && !probe.env.DISPLAY && !probe.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are not set)', missingBinary: false };
  }
  let binary: unknown;
  try {
    binary = probe.resolveBinary();
  } catch {
    return { ok: false, reason: NOT_DOWNLOADED, missingBinary: true };
  }
  if (typeof binary !== 'string' || binary === '' || !probe.exists(binary)) {
    return { ok: false, reason: NOT_DOWNLOADED, missingBinary: true };
  }
  return { ok: true, binary };
}

/** The probe for this process; `requireFrom` is `createRequire(import.meta.url)` of the caller. */
export function systemProbe(requireFrom: (id: string) => unknown): ElectronProbe {
  return { resolveBinary: () => requireFrom('electron'), exists: existsSync, platform: process.platform, env: process.env };
}
