import type { TransformDefinition } from './transform.js';

/** The value becomes a fixed text (a client code, a constant carrier). */
export const constantTransform: TransformDefinition<'constant'> = {
  kind: 'constant',
  compile: (t) => () => t.value,
};
