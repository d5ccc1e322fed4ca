import Store from 'electron-store';
import { shellSettingsStore, type ShellSettingsStore } from './shell-settings.js';

/** The real settings file (electron-store, `<userData>/shell-settings.json`); main.ts opens it once the
 * user-data path is settled. */
export function openShellSettings(): ShellSettingsStore {
  const store = new Store<Record<string, unknown>>({ name: 'shell-settings', clearInvalidConfig: true });
  return shellSettingsStore({ get: (key) => store.get(key), set: (key, value) => store.set(key, value) });
}
