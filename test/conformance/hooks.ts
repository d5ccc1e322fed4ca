import type { FakeCart, FakeCartHook } from './cart-under-test.js';

/**
 * A hook of the fake that the running case needs. The suite creates a case only for adapters that have
 * every hook it needs (conformance-cases.ts), so a missing one here is a bug in the suite, not a skip.
 */
export function hook<K extends FakeCartHook>(fake: FakeCart, name: K): NonNullable<FakeCart[K]> {
  const found = fake[name];
  if (found === undefined) throw new Error(`The fake has no ${name} hook, yet a case that needs it ran`);
  return (typeof found === 'function' ? (found as (...args: never[]) => unknown).bind(fake) : found) as NonNullable<FakeCart[K]>;
}
