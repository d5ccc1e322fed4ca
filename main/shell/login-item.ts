import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { App } from 'electron';

/**
 * "Start at login": Electron's login items on Windows and macOS; on Linux, where Electron has none, an
 * XDG autostart entry. Either way Dockhand then starts with `--hidden`, straight into the tray.
 */

export const HIDDEN_FLAG = '--hidden';

export interface LoginItemHost {
  platform: NodeJS.Platform;
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged' | 'getAppPath'>;
  env: NodeJS.ProcessEnv;
  execPath: string;
  home?: string;
}

export function applyStartAtLogin(enabled: boolean, host: LoginItemHost): void {
  if (host.platform === 'linux') {
    const file = autostartFile(host.env, host.home ?? homedir());
    if (enabled) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, autostartEntry(launchCommand(host)));
    } else {
      rmSync(file, { force: true });
    }
    return;
  }
  host.app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] });
}

export function autostartFile(env: NodeJS.ProcessEnv, home: string): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'autostart', 'dockhand.desktop');
}

/** The program (and, unpackaged, the app's folder) to run: an AppImage is started through its own file. */
export function launchCommand(host: LoginItemHost): string[] {
  const program = host.env.APPIMAGE || host.execPath;
  return host.app.isPackaged ? [program, HIDDEN_FLAG] : [program, host.app.getAppPath(), HIDDEN_FLAG];
}

export function autostartEntry(command: readonly string[]): string {
  const exec = command.map(quoteExecArg).join(' ');
  return ['[Desktop Entry]', 'Type=Application', 'Name=Dockhand', `Exec=${exec}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

/** The desktop-entry spec's quoting: double quotes, with ", `, $ and \ escaped; % doubled. */
function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_./=:-]+$/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1').replace(/%/g, '%%')}"`;
}

/** Whether this start came from the login item, so the window stays in the tray. */
export function startedHidden(argv: readonly string[], openedAtLogin: boolean): boolean {
  return openedAtLogin || argv.includes(HIDDEN_FLAG);
}
