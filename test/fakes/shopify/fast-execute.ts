import {
  getNamedType,
  isObjectType,
  Kind,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldArgs } from './field-args.js';

/**
 * A lean executor for validated read-only queries: it walks the selection set over the same resolvers
 * graphql-js would call, without graphql-js's per-field bookkeeping (paths, promise checks, completion),
 * which dominates the cost of serving 100k orders. Anything outside the subset it handles (fragments,
 * __typename, a resolver that throws) returns undefined and the caller runs graphql-js's own execute, so
 * the answer, errors included, is always the one graphql-js would give.
 */

const FALLBACK = Symbol('fallback');

export function fastExecuteQuery(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  rootValue: Record<string, unknown>,
  variables: Record<string, unknown>,
): { data: Record<string, unknown> } | undefined {
  const queryType = schema.getQueryType();
  if (operation.operation !== 'query' || !queryType) return undefined;
  try {
    return { data: selection(queryType, operation.selectionSet, rootValue, variables) };
  } catch {
    return undefined; // FALLBACK, or a resolver error that graphql-js must report with its path
  }
}

function selection(
  type: GraphQLObjectType,
  set: SelectionSetNode,
  source: unknown,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = type.getFields();
  const obj = source as Record<string, unknown>;
  for (const sel of set.selections) {
    if (sel.kind !== Kind.FIELD) throw FALLBACK;
    const name = sel.name.value;
    const def = fields[name];
    if (!def) throw FALLBACK;
    let value = obj[name];
    if (typeof value === 'function') {
      const args = fieldArgs(def, sel, variables);
      value = (value as (a: unknown) => unknown).call(obj, args);
    }
    if (value === undefined) value = null;
    if (sel.selectionSet && value !== null) {
      const named = getNamedType(def.type);
      if (!isObjectType(named)) throw FALLBACK; // interfaces and unions need type resolution
      const sub = sel.selectionSet;
      value = Array.isArray(value)
        ? value.map((item) => (item === null || item === undefined ? null : selection(named, sub, item, variables)))
        : selection(named, sub, value, variables);
    }
    out[sel.alias?.value ?? name] = value;
  }
  return out;
}
