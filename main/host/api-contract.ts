import type { z } from 'zod';

/**
 * What the HTTP host needs to know of the contract (shared/contract.ts): which methods exist, what
 * they do and their input schema. Kept structural so tests can pass a small contract of their own.
 */
export interface ApiMethodDef {
  input: z.ZodType;
  description: string;
}

export type ApiContract = Readonly<Record<string, ApiMethodDef>>;

/** Own keys only: `constructor` or `__proto__` must never count as a method. */
export function hasMethod(contract: ApiContract, method: string): boolean {
  return Object.prototype.hasOwnProperty.call(contract, method);
}
