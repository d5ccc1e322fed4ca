import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Dockhand keeps its data when no --data-dir is given: $DOCKHAND_DATA_DIR, else the platform's per-user place. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.DOCKHAND_DATA_DIR) return env.DOCKHAND_DATA_DIR;
  switch (platform) {
    case 'win32':
      return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Dockhand');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Dockhand');
    default:
      return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'dockhand');
  }
}
