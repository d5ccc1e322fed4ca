import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeEvent, BridgeResult, DockhandBridge } from '../../shared/bridge-api.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels.js';

/**
 * The preload (sandboxed, bundled to CommonJS): exposes `window.dockhand` and nothing else. The screens
 * get two functions, never ipcRenderer itself, so a page cannot send on other channels.
 */
const bridge = {
  call(method: string, input: unknown): Promise<BridgeResult> {
    return ipcRenderer.invoke(CALL_CHANNEL, String(method), input) as Promise<BridgeResult>;
  },
  onEvent(listener: (event: BridgeEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    // Wrapped so the page's listener never sees the IPC event object (it carries the sender).
    const handler = (_event: IpcRendererEvent, event: BridgeEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
} satisfies DockhandBridge;

contextBridge.exposeInMainWorld('dockhand', bridge);
