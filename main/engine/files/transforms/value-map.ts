import type { TransformDefinition } from './transform.js';

/**
 * A lookup table (ship methods, carrier names, country codes): an entry's `from` becomes its `to`; any
 * other value becomes the fallback, or stays as it is when there is none. The first of two equal
 * `from`s wins.
 */
export const valueMapTransform: TransformDefinition<'map'> = {
  kind: 'map',
  compile(t) {
    const key = t.ignoreCase ? (v: string) => v.toLowerCase() : (v: string) => v;
    const table = new Map<string, string>();
    for (const entry of t.entries) if (!table.has(key(entry.from))) table.set(key(entry.from), entry.to);
    return (value) => table.get(key(value)) ?? t.fallback ?? value;
  },
};
