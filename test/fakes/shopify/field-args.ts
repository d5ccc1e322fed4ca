import { getArgumentValues, Kind, type FieldNode, type GraphQLField, type ValueNode } from 'graphql';

/**
 * Argument values of a field, memoised per AST node when they use no variables (lineItems(first: 5) in a
 * cached document is read thousands of times per download).
 */
const literalArgs = new WeakMap<FieldNode, Record<string, unknown>>();

export function fieldArgs(
  def: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  if (def.args.length === 0) return {};
  const cached = literalArgs.get(node);
  if (cached) return cached;
  const args = getArgumentValues(def, node, variables);
  if (!(node.arguments ?? []).some((a) => usesVariable(a.value))) literalArgs.set(node, args);
  return args;
}

function usesVariable(value: ValueNode): boolean {
  switch (value.kind) {
    case Kind.VARIABLE:
      return true;
    case Kind.LIST:
      return value.values.some(usesVariable);
    case Kind.OBJECT:
      return value.fields.some((f) => usesVariable(f.value));
    default:
      return false;
  }
}
