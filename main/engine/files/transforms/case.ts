import type { TransformDefinition } from './transform.js';

/** Upper or lower case (locale-independent, so a Turkish host writes the same file). */
export const caseTransform: TransformDefinition<'case'> = {
  kind: 'case',
  compile: (t) => (t.to === 'upper' ? (value) => value.toUpperCase() : (value) => value.toLowerCase()),
};
