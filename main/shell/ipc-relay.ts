import type { IpcMainInvokeEvent } from 'electron';
import type { BridgeEvent, BridgeResult } from '../../shared/bridge-api.js';
import { DockhandError, isDockhandError } from '../../shared/errors.js';
import type { Engine } from '../engine/engine-api.js';
import type { Logger } from '../engine/platform/ports.js';
import { hasMethod, type ApiContract } from '../host/api-contract.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels.js';
import { isTrustedSender, senderInfo, type SenderInfo } from './sender-check.js';

/**
 * The window's one way to the engine: `ipcMain.handle(CALL_CHANNEL)` checks the sender, checks the method
 * is in the contract and hands the input to the engine (which validates it with the method's schema).
 * The engine runs in a worker thread, so a handler only awaits a message: the main process never blocks.
 */

/** The two calls used of Electron's ipcMain (tests pass a Map-backed fake). */
export interface IpcMainPort {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Electron's own listener signature
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: any[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface RelayOptions {
  ipcMain: IpcMainPort;
  /** Resolves once the engine worker is up; calls made before then wait for it (or get its start error). */
  engine: Promise<Engine>;
  contract: ApiContract;
  /** Our window's webContents id, or null while there is none. */
  trustedWebContentsId: () => number | null;
  log: Logger;
}

/** Registers the handler; returns the function that removes it. */
export function registerIpcRelay(options: RelayOptions): () => void {
  options.ipcMain.handle(CALL_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) =>
    relayCall(options, senderInfo(event), method, input),
  );
  return () => options.ipcMain.removeHandler(CALL_CHANNEL);
}

/** One call from the window; never rejects: every failure comes back as `{ ok: false, error }`. */
export async function relayCall(
  options: Omit<RelayOptions, 'ipcMain'>,
  sender: SenderInfo,
  method: unknown,
  input: unknown,
): Promise<BridgeResult> {
  if (!isTrustedSender(sender, options.trustedWebContentsId())) {
    options.log.log('warn', 'Refused an IPC call from an unknown sender', { frameUrl: sender.frameUrl, method: String(method).slice(0, 100) });
    return failure(new DockhandError('auth', 'This page may not call Dockhand'));
  }
  if (typeof method !== 'string' || !hasMethod(options.contract, method)) {
    return failure(new DockhandError('not_found', `No API method named "${String(method).slice(0, 100)}"`));
  }
  try {
    const engine = await options.engine;
    return { ok: true, value: await engine.call(method, input === undefined ? {} : input) };
  } catch (err) {
    if (isDockhandError(err)) return failure(err);
    // The detail goes to the log only: a stack or an SQL message is no business of the screens.
    options.log.log('error', 'IPC call failed', { method, error: err });
    return failure(new DockhandError('internal', 'Internal error; the details are in the Dockhand log'));
  }
}

function failure(err: DockhandError): BridgeResult {
  return { ok: false, error: err.toBody() };
}

/** Where engine events go: our window's webContents (or whatever stands in for it in a test). */
export interface WindowEventSink {
  isDestroyed(): boolean;
  send(channel: string, event: BridgeEvent): void;
}

/** Pushes every engine event to the window while there is one; returns the unsubscribe function. */
export function forwardEngineEvents(engine: Engine, target: () => WindowEventSink | null, log: Logger): () => void {
  return engine.onEvent((event) => {
    const to = target();
    if (!to || to.isDestroyed()) return;
    try {
      to.send(EVENT_CHANNEL, event);
    } catch (err) {
      log.log('warn', 'An engine event could not reach the window', { type: event.type, error: err });
    }
  });
}
