import type { TransformDefinition } from './transform.js';

/** Adds a prefix such as "#" (not to an empty value, nor twice), or strips it where it is. */
export const prefixTransform: TransformDefinition<'prefix'> = {
  kind: 'prefix',
  compile(t) {
    if (t.action === 'strip') return (value) => (value.startsWith(t.value) ? value.slice(t.value.length) : value);
    return (value) => (value === '' || value.startsWith(t.value) ? value : t.value + value);
  },
};
