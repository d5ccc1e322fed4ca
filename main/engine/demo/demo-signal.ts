import type { EngineEvent } from '../engine-api.js';

/**
 * demo.setup tells the demo warehouse (if this engine runs one) that it was just set up, over the
 * engine's own event stream: the screens see a state change, the actor starts the loop at once.
 */
export interface DemoSetupSignal {
  enabled: boolean;
  merchantId: number;
  cartId: number;
}

export function demoSetupEvent(at: string, signal: DemoSetupSignal): EngineEvent {
  return { type: 'state.changed', at, data: { demoWarehouse: { ...signal } } };
}

export function readDemoSetupEvent(event: EngineEvent): DemoSetupSignal | undefined {
  if (event.type !== 'state.changed') return undefined;
  const value = event.data.demoWarehouse as Partial<DemoSetupSignal> | undefined;
  if (!value || typeof value.merchantId !== 'number' || typeof value.cartId !== 'number' || value.enabled !== true) return undefined;
  return { enabled: true, merchantId: value.merchantId, cartId: value.cartId };
}
