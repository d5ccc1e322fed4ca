import { expect } from 'vitest';
import { DockhandError } from '../../shared/errors.js';

/** The DockhandError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<DockhandError> {
  let resolved = false;
  const err = await promise.then(
    () => {
      resolved = true;
      return undefined;
    },
    (e: unknown) => e,
  );
  if (resolved) throw new Error('expected a rejection, but the promise resolved');
  expect(err).toBeInstanceOf(DockhandError);
  return err as DockhandError;
}
