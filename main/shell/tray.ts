import { app, Menu, nativeImage, Tray, type NativeImage } from 'electron';
import { trayMenuTemplate, type TrayMenuHandlers } from './tray-menu.js';
import type { TrayIconVariant, TrayView } from './tray-state.js';

/**
 * The tray icon itself: draws a TrayView (icon, tooltip, menu). A click opens the window; the menu carries
 * the commands (tray-controller.ts decides what they do).
 */
export interface AppTray {
  render(view: TrayView): void;
  destroy(): void;
}

export function createAppTray(options: {
  iconFile: (variant: TrayIconVariant) => string;
  handlers: TrayMenuHandlers;
}): AppTray {
  const images = new Map<TrayIconVariant, NativeImage>();
  const image = (variant: TrayIconVariant) => {
    let found = images.get(variant);
    if (!found) {
      found = nativeImage.createFromPath(options.iconFile(variant));
      images.set(variant, found);
    }
    return found;
  };
  const tray = new Tray(image('idle'));
  tray.setToolTip('Dockhand');
  tray.on('click', () => options.handlers.command('open'));
  let shown: { icon: TrayIconVariant; tooltip: string; menu: string; badge: string } | null = null;

  return {
    render(view) {
      if (tray.isDestroyed()) return;
      const menuKey = JSON.stringify(view.menu);
      // Rebuilding a menu while it is open closes it on some desktops: only touch what changed.
      if (shown?.icon !== view.icon) tray.setImage(image(view.icon));
      if (shown?.tooltip !== view.tooltip) tray.setToolTip(view.tooltip);
      if (shown?.menu !== menuKey) tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(view.menu, options.handlers)));
      if (shown?.badge !== view.badge) {
        // The count next to the icon (macOS menu bar) and on the app's icon where the desktop has badges
        // (macOS dock, Unity launchers); elsewhere the tooltip and the alert icon carry it.
        tray.setTitle(view.badge);
        app.setBadgeCount(view.openAlerts);
      }
      shown = { icon: view.icon, tooltip: view.tooltip, menu: menuKey, badge: view.badge };
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
