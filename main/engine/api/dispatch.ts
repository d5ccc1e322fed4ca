import type { z } from 'zod';
import { contract, type MethodName } from '../../../shared/contract.js';
import { DockhandError, isDockhandError, type FieldErrors } from '../../../shared/errors.js';
import type { EngineContext } from './engine-context.js';
import { handlers } from './handlers.js';
import { unknownKeyMessages } from '../../../shared/unknown-keys.js';
import { PLAIN } from '../../../shared/plain-messages.js';

type Issue = z.core.$ZodIssue;

/**
 * One message per field, keyed by its dotted path. An unknown key is a message on that key itself; a
 * union that refused every member speaks through the member that came closest (fewest problems), not
 * as a bare "Invalid input".
 */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  const add = (path: PropertyKey[], message: string) => {
    fields[path.map(String).join('.') || '(input)'] ??= message;
  };
  const visit = (issue: Issue, prefix: PropertyKey[]) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const messages = unknownKeyMessages(issue);
      issue.keys.forEach((key, i) => add([...path, key], messages[i]));
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      if (closest.length === 0) add(path, issue.message);
      for (const inner of closest) visit(inner, path);
    } else {
      add(path, issue.message);
    }
  };
  for (const issue of error.issues) visit(issue, []);
  return fields;
}

/** The single dispatcher: validate the input by the contract, run the handler, return or throw typed. */
export async function dispatch(ctx: EngineContext, method: string, input: unknown): Promise<unknown> {
  if (!Object.hasOwn(contract, method)) throw new DockhandError('not_found', `Unknown method ${method}`);
  const name = method as MethodName;
  const parsed = contract[name].input.safeParse(input ?? {}, PLAIN);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw new DockhandError('validation', summary(fields), { fields });
  }
  try {
    return await (handlers[name] as (i: unknown, c: EngineContext) => Promise<unknown>)(parsed.data, ctx);
  } catch (err) {
    if (isDockhandError(err)) throw err;
    ctx.log.log('error', 'handler failed', { method, error: err });
    throw new DockhandError('internal', 'Something went wrong inside Dockhand; the details are in the log', { cause: err });
  }
}

/** The first problem in one line, with its field unless the message names it already. */
function summary(fields: FieldErrors): string {
  const first = Object.entries(fields)[0];
  if (!first) return 'Invalid input';
  const [path, message] = first;
  return /^Unknown field ([^;]+)/.exec(message)?.[1] === path ? message : `${path}: ${message}`;
}
