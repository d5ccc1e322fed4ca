import type { ColumnTransform, TransformKind } from '../../../../shared/schemas/csv-profile.js';
import { caseTransform } from './case.js';
import { constantTransform } from './constant.js';
import { cutTransform } from './cut.js';
import { dateTransform } from './date.js';
import { defaultTransform } from './default.js';
import { fieldTransform } from './field.js';
import { joinTransform } from './join.js';
import { moneyTransform } from './money.js';
import { numberTransform } from './number.js';
import { padTransform } from './pad.js';
import { prefixTransform } from './prefix.js';
import type { CompileContext, Step, TransformDefinition } from './transform.js';
import { valueMapTransform } from './value-map.js';

/**
 * Every transform a column can use, by kind: adding one is its schema in shared/schemas/csv-profile.ts,
 * its file here, and one line below (the type makes a missing line a compile error).
 */
export const TRANSFORMS: { [K in TransformKind]: TransformDefinition<K> } = {
  constant: constantTransform,
  field: fieldTransform,
  join: joinTransform,
  cut: cutTransform,
  pad: padTransform,
  case: caseTransform,
  default: defaultTransform,
  map: valueMapTransform,
  number: numberTransform,
  money: moneyTransform,
  date: dateTransform,
  prefix: prefixTransform,
};

/** A chain as one step, compiled once per file. No transforms: the value as it is. */
export function compileChain(transforms: readonly ColumnTransform[], ctx: CompileContext): Step | undefined {
  const steps = transforms.map((t) => (TRANSFORMS[t.kind] as TransformDefinition<typeof t.kind>).compile(t as never, ctx));
  if (steps.length === 0) return undefined;
  if (steps.length === 1) return steps[0];
  return (value, scope) => {
    let out = value;
    for (const step of steps) out = step(out, scope);
    return out;
  };
}
