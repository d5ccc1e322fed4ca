/**
 * The two IPC channels between the window and the main process; imported by the preload (bundled on its
 * own) and the relay, so the names cannot drift apart.
 */
/** Renderer -> main, `ipcRenderer.invoke(CALL_CHANNEL, method, input)`: one contract method. */
export const CALL_CHANNEL = 'dockhand:call';
/** Main -> renderer, `webContents.send(EVENT_CHANNEL, event)`: one engine event. */
export const EVENT_CHANNEL = 'dockhand:event';
