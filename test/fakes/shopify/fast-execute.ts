import {
  getNamedType,
  isInterfaceType,
  isNonNullType,
  locatedError,
  isObjectType,
  type GraphQLError,
  type GraphQLNamedType,
  Kind,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldArgs } from './field-args.js';
import { strictVariables } from './fast-variables.js';

/**
 * A lean executor for validated queries (and simple mutations, below): it walks the selection set over the same resolvers
 * graphql-js would call, without graphql-js's per-field bookkeeping (paths, promise checks, completion),
 * which dominates the cost of serving 100k orders. It handles inline fragments and interfaces resolved by
 * the value's __typename (nodes(ids:)). Anything outside that subset (named fragments, unions, the same
 * response key twice, a resolver that throws) returns undefined and the caller runs graphql-js's own execute, so
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
    return { data: selection(queryType, operation.selectionSet, rootValue, variables, schema) };
  } catch {
    return undefined; // FALLBACK, or a resolver error that graphql-js must report with its path
  }
}

/**
 * Mutations of the simple shape the connector sends (aliased top-level fields of nullable type, plain
 * field selections below, variables already in their exact shape), run in order like graphql-js runs
 * them. Whether a document qualifies is decided before anything runs, so a fallback never repeats a side
 * effect; a resolver that throws answers null for its field with the error graphql-js would report.
 */
export function fastExecuteMutation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  rootValue: Record<string, unknown>,
  rawVariables: Record<string, unknown>,
): { data: Record<string, unknown>; errors?: GraphQLError[] } | undefined {
  const mutationType = schema.getMutationType();
  if (operation.operation !== 'mutation' || !mutationType || !simpleMutation(mutationType, operation)) return undefined;
  const variables = strictVariables(schema, operation, rawVariables);
  if (!variables) return undefined;
  const fields = mutationType.getFields();
  const data: Record<string, unknown> = {};
  let errors: GraphQLError[] | undefined;
  for (const sel of operation.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD) return undefined; // excluded by simpleMutation
    const key = sel.alias?.value ?? sel.name.value;
    const def = fields[sel.name.value];
    let value: unknown;
    try {
      const resolve = rootValue[sel.name.value];
      value = typeof resolve === 'function' ? resolve.call(rootValue, fieldArgs(def, sel, variables)) : resolve;
      if (value === undefined) value = null;
      if (sel.selectionSet && value !== null) value = selection(getNamedType(def.type) as GraphQLObjectType, sel.selectionSet, value, variables, schema);
    } catch (err) {
      (errors ??= []).push(locatedError(err, [sel], [key]));
      value = null;
    }
    data[key] = value;
  }
  return errors ? { errors, data } : { data };
}

const simpleMutations = new WeakMap<OperationDefinitionNode, boolean>();

function simpleMutation(type: GraphQLObjectType, operation: OperationDefinitionNode): boolean {
  let ok = simpleMutations.get(operation);
  if (ok === undefined) {
    ok = operation.selectionSet.selections.every((sel) => {
      if (sel.kind !== Kind.FIELD || sel.directives?.length) return false;
      const def = type.getFields()[sel.name.value];
      return Boolean(def) && typeof def.resolve !== 'function' && !isNonNullType(def.type) && plainSelection(def.type, sel.selectionSet);
    });
    const keys = operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? (s.alias?.value ?? s.name.value) : ''));
    if (new Set(keys).size !== keys.length) ok = false;
    simpleMutations.set(operation, ok);
  }
  return ok;
}

/** Only fields (no fragments, directives or repeated keys) over object types: nothing to fall back on. */
function plainSelection(fieldType: Parameters<typeof getNamedType>[0], set: SelectionSetNode | undefined): boolean {
  const named = getNamedType(fieldType);
  if (!set) return !isObjectType(named) && !isInterfaceType(named);
  if (!isObjectType(named)) return false;
  const fields = named.getFields();
  const keys = new Set<string>();
  for (const sel of set.selections) {
    if (sel.kind !== Kind.FIELD || sel.directives?.length) return false;
    const key = sel.alias?.value ?? sel.name.value;
    if (keys.has(key)) return false;
    keys.add(key);
    if (sel.name.value === '__typename') continue;
    const def = fields[sel.name.value];
    if (!def || !plainSelection(def.type, sel.selectionSet)) return false;
  }
  return true;
}

function selection(
  type: GraphQLObjectType,
  set: SelectionSetNode,
  source: unknown,
  variables: Record<string, unknown>,
  schema: GraphQLSchema,
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  const fields = type.getFields();
  const obj = source as Record<string, unknown>;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      const cond = sel.typeCondition?.name.value;
      if (cond === undefined || cond === type.name) selection(type, sel.selectionSet, source, variables, schema, out);
      else if (type.getInterfaces().some((i) => i.name === cond)) selection(type, sel.selectionSet, source, variables, schema, out);
      continue;
    }
    if (sel.kind !== Kind.FIELD) throw FALLBACK;
    const name = sel.name.value;
    const key = sel.alias?.value ?? name;
    // The same key twice (from fragments) needs graphql-js's field merging.
    if (key in out) throw FALLBACK;
    if (name === '__typename') {
      out[key] = type.name;
      continue;
    }
    const def = fields[name];
    if (!def) throw FALLBACK;
    let value = obj[name];
    if (typeof value === 'function') {
      const args = fieldArgs(def, sel, variables);
      value = (value as (a: unknown) => unknown).call(obj, args);
    }
    if (value === undefined) value = null;
    if (sel.selectionSet && value !== null) {
      // A loop, not a closure per field: closures are a measurable share of serving 100k orders.
      const named = getNamedType(def.type);
      const sub = sel.selectionSet;
      if (Array.isArray(value)) {
        const items = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          items[i] = item === null || item === undefined ? null : selection(concreteType(schema, named, item), sub, item, variables, schema);
        }
        value = items;
      } else {
        value = selection(concreteType(schema, named, value), sub, value, variables, schema);
      }
    }
    out[key] = value;
  }
  return out;
}

/** The object type of a value: the field's own type, or for an interface the value's __typename. */
function concreteType(schema: GraphQLSchema, named: GraphQLNamedType, value: unknown): GraphQLObjectType {
  if (isObjectType(named)) return named;
  if (!isInterfaceType(named)) throw FALLBACK; // unions and scalars with selections are not served here
  const typename = (value as { __typename?: unknown }).__typename;
  const resolved = typeof typename === 'string' ? schema.getType(typename) : undefined;
  if (!resolved || !isObjectType(resolved) || !resolved.getInterfaces().includes(named)) throw FALLBACK;
  return resolved;
}
