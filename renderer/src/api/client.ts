import type { DockhandBridge } from '../../../shared/bridge-api.js';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract.js';
import { ERROR_KINDS, type ApiErrorBody } from '../../../shared/errors.js';
import { ApiError } from './api-error.js';

/**
 * The one way the screens reach the engine: `window.dockhand` inside Electron (the preload's bridge),
 * HTTP to the headless host in a browser. The contract is the same; the screens never know which.
 */

declare global {
  interface Window {
    dockhand?: DockhandBridge;
  }
}

export function bridge(): DockhandBridge | undefined {
  return typeof window !== 'undefined' ? window.dockhand : undefined;
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const viaBridge = bridge();
  if (viaBridge) {
    const result = await viaBridge.call(method, input ?? {});
    if (result.ok) return result.value as MethodOutput<M>;
    throw toApiError(result.error);
  }
  let response: Response;
  try {
    response = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch (err) {
    throw new ApiError('transient', `Dockhand is not reachable (${(err as Error).message}). Is it still running?`);
  }
  const body = (await response.json().catch(() => null)) as { error?: ApiErrorBody } | null;
  if (!response.ok) {
    if (body?.error) throw toApiError(body.error);
    throw new ApiError(response.status === 401 ? 'auth' : 'internal', `Dockhand answered ${response.status} ${response.statusText}`);
  }
  return body as MethodOutput<M>;
}

function toApiError(body: ApiErrorBody): ApiError {
  const kind = (ERROR_KINDS as readonly string[]).includes(body?.kind) ? body.kind : 'internal';
  return new ApiError(kind, body?.message ?? 'Unknown error', body?.fields ?? {});
}
