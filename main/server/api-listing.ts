import { z } from 'zod';
import type { ApiContract } from '../host/api-contract.js';

export interface ApiMethodListing {
  method: string;
  description: string;
  /** JSON Schema (draft 2020-12) of the input as a client sends it (before defaults apply). */
  input: Record<string, unknown>;
}

/**
 * GET /api: every method with its description and input schema. A schema zod cannot express in JSON
 * Schema (a transform, a custom check) still lists, with the parts it can describe, or as "any" with a note.
 */
export function listApi(contract: ApiContract): { methods: ApiMethodListing[] } {
  const methods = Object.keys(contract)
    .sort()
    .map((method) => ({ method, description: contract[method].description, input: inputSchema(contract[method].input) }));
  return { methods };
}

export function inputSchema(schema: z.ZodType): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch (err) {
    return { description: `Input schema not expressible as JSON Schema (${(err as Error).message})` };
  }
}
