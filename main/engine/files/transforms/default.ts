import type { TransformDefinition } from './transform.js';

/** A text for an empty value (e.g. "1" for a missing quantity, "N/A" for a missing phone). */
export const defaultTransform: TransformDefinition<'default'> = {
  kind: 'default',
  compile: (t) => (value) => (value === '' ? t.value : value),
};
