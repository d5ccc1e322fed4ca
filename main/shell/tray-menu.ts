import type { MenuItemConstructorOptions } from 'electron';
import type { TrayCommand, TrayMenuItem } from './tray-state.js';

export interface TrayMenuHandlers {
  command(command: TrayCommand): void;
  startAtLogin(enabled: boolean): void;
}

/** The tray's menu items as Electron's Menu.buildFromTemplate wants them. */
export function trayMenuTemplate(items: readonly TrayMenuItem[], handlers: TrayMenuHandlers): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'toggle':
        return { type: 'checkbox', label: item.label, checked: item.checked, click: (menuItem) => handlers.startAtLogin(menuItem.checked) };
      case 'command':
        return { label: item.label, enabled: item.enabled, click: () => handlers.command(item.command) };
    }
  });
}
