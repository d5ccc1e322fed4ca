import type { TransformDefinition } from './transform.js';

/** At most `length` characters, counted as whole characters (never half an emoji). */
export const cutTransform: TransformDefinition<'cut'> = {
  kind: 'cut',
  compile: (t) => (value) => {
    if (value.length <= t.length) return value;
    const chars = Array.from(value);
    return chars.length > t.length ? chars.slice(0, t.length).join('') : value;
  },
};
