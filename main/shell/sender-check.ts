import type { IpcMainInvokeEvent } from 'electron';
import { isRendererUrl } from './renderer-origin.js';

/**
 * Who sent an IPC call. Only our window's top frame, showing one of our pages, may reach the engine:
 * not another window, not an iframe, not a page the window was somehow navigated to.
 */
export interface SenderInfo {
  webContentsId: number;
  /** The sending frame's URL; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  isTopFrame: boolean;
}

export function senderInfo(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isTopFrame: frame ? frame.parent === null : false,
  };
}

/** `trustedWebContentsId` is our window's webContents id, or null while there is no window. */
export function isTrustedSender(sender: SenderInfo, trustedWebContentsId: number | null): boolean {
  return (
    trustedWebContentsId !== null &&
    sender.webContentsId === trustedWebContentsId &&
    sender.isTopFrame &&
    isRendererUrl(sender.frameUrl)
  );
}
