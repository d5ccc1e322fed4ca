import { z } from 'zod';

/**
 * API inputs refuse keys they do not know. zod's objects drop unknown keys by default, so a typo
 * (`orders.list {"merchantID": 1}`) was silently ignored and the call did something else than asked
 * (listed every merchant's orders). The contract passes every method's input through
 * `refuseUnknownKeys`, which makes each object in it, however deep, strict: an unknown key is a field
 * message on that key ("Unknown field merchantID; did you mean merchantId?"), and GET /api lists
 * `additionalProperties: false`. Objects that are open on purpose (a catchall, e.g. z.looseObject) stay open.
 */

/** One line per unknown key, in the order zod lists them (see `unknownKeyMessages`). */
const LINE = '\n';

export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const near = closestKey(key, known);
  return near ? `Unknown field ${key}; did you mean ${near}?` : `Unknown field ${key}`;
}

/** The message of each key of an `unrecognized_keys` issue raised by a schema made here. */
export function unknownKeyMessages(issue: { keys: readonly string[]; message: string }): string[] {
  const lines = issue.message.split(LINE);
  return issue.keys.map((key, i) => (lines.length === issue.keys.length ? lines[i] : `Unknown field ${key}`));
}

/** A known key a person probably meant: the same but for case, or one or two letters off. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameButCase = known.find((k) => k.toLowerCase() === lower);
  if (sameButCase) return sameButCase;
  let best: { key: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(lower, k.toLowerCase());
    const allowed = Math.min(2, Math.floor(Math.max(k.length, key.length) / 4));
    if (distance <= allowed && (!best || distance < best.distance)) best = { key: k, distance };
  }
  return best?.key;
}

/** Edits (insert, delete, change, swap two neighbours) that turn a into b. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

type Def = Record<string, unknown> & { type: string; error?: (issue: unknown) => unknown };
type Schema = z.ZodType & { clone(def: Def): z.ZodType; _zod: { def: Def } };

/** Wrappers whose one inner schema sits in `innerType`. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'success']);

/** The same schema with every object in it strict. Shared sub-schemas are converted once. */
export function refuseUnknownKeys<T extends z.ZodType>(schema: T): T {
  return strict(schema as unknown as Schema, new Map()) as unknown as T;
}

function strict(schema: Schema, done: Map<Schema, Schema>): Schema {
  const cached = done.get(schema);
  if (cached) return cached;
  const def = schema._zod.def;
  const inner = (s: unknown) => strict(s as Schema, done);
  let result: Schema = schema;
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(Object.entries(def.shape as Record<string, Schema>).map(([k, v]) => [k, inner(v)]));
      const known = Object.keys(shape);
      const ownError = def.error;
      const catchall = def.catchall as Schema | undefined;
      result =
        catchall === undefined || catchall._zod.def.type === 'never'
          ? (schema.clone({
              ...def,
              shape,
              catchall: z.never(),
              error: (issue: unknown) => {
                const iss = issue as { code: string; keys?: string[] };
                if (iss.code === 'unrecognized_keys' && iss.keys) return iss.keys.map((k) => unknownFieldMessage(k, known)).join(LINE);
                return ownError?.(issue);
              },
            }) as Schema)
          : (schema.clone({ ...def, shape }) as Schema);
      break;
    }
    case 'array':
      result = schema.clone({ ...def, element: inner(def.element) }) as Schema;
      break;
    case 'union':
      result = schema.clone({ ...def, options: (def.options as Schema[]).map(inner) }) as Schema;
      break;
    case 'pipe':
      result = schema.clone({ ...def, in: inner(def.in), out: inner(def.out) }) as Schema;
      break;
    case 'intersection':
      // zod reports a key as unknown only when both sides refuse it, so strict sides still intersect.
      result = schema.clone({ ...def, left: inner(def.left), right: inner(def.right) }) as Schema;
      break;
    case 'record':
      result = schema.clone({ ...def, valueType: inner(def.valueType) }) as Schema;
      break;
    case 'tuple':
      result = schema.clone({ ...def, items: (def.items as Schema[]).map(inner), rest: def.rest ? inner(def.rest) : def.rest }) as Schema;
      break;
    case 'lazy': {
      const getter = def.getter as () => Schema;
      result = schema.clone({ ...def, getter: () => inner(getter()) }) as Schema;
      break;
    }
    default:
      if (WRAPPERS.has(def.type)) result = schema.clone({ ...def, innerType: inner(def.innerType) }) as Schema;
  }
  done.set(schema, result);
  return result;
}
