import type { z } from 'zod';
import { contract, type MethodName } from '../../../shared/contract.js';
import { DockhandError, isDockhandError, type FieldErrors } from '../../../shared/errors.js';
import type { EngineContext } from './engine-context.js';
import { handlers } from './handlers.js';

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(input)';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** The single dispatcher: validate the input by the contract, run the handler, return or throw typed. */
export async function dispatch(ctx: EngineContext, method: string, input: unknown): Promise<unknown> {
  if (!Object.hasOwn(contract, method)) throw new DockhandError('not_found', `Unknown method ${method}`);
  const name = method as MethodName;
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const first = Object.entries(fields)[0];
    throw new DockhandError('validation', first ? `${first[0]}: ${first[1]}` : 'Invalid input', { fields });
  }
  try {
    return await (handlers[name] as (i: unknown, c: EngineContext) => Promise<unknown>)(parsed.data, ctx);
  } catch (err) {
    if (isDockhandError(err)) throw err;
    ctx.log.log('error', 'handler failed', { method, error: err });
    throw new DockhandError('internal', 'Something went wrong inside Dockhand; the details are in the log', { cause: err });
  }
}
