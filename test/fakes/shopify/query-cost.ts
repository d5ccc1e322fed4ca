import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldArgs } from './field-args.js';

/**
 * Shopify-like query cost: scalars and enums 0, an object 1, a connection 2 + (first x cost of a node),
 * a list of objects with `first` (or `ids`) that many items, each mutation field 10 (a document with
 * several aliased mutations pays for each). The requested cost assumes
 * every connection is full; the actual cost counts what the reply holds.
 */

export const MUTATION_FIELD_COST = 10;

type Composite = GraphQLObjectType | GraphQLInterfaceType;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Walk the actual reply (true) or assume full connections (false). */
  actual: boolean;
}

export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data?: unknown,
): number {
  if (operation.operation === 'mutation') {
    return operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length * MUTATION_FIELD_COST;
  }
  const root = schema.getQueryType();
  if (!root) return 0;
  const walk: Walk = { schema, fragments, variables, actual: data !== undefined };
  return selectionCost(walk, root, operation.selectionSet, data);
}

function selectionCost(walk: Walk, type: Composite, set: SelectionSetNode, value: unknown): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      const cond = sel.typeCondition ? walk.schema.getType(sel.typeCondition.name.value) : type;
      if (cond && (isObjectType(cond) || isInterfaceType(cond))) total += selectionCost(walk, cond, sel.selectionSet, value);
      continue;
    }
    if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = walk.fragments[sel.name.value];
      const cond = frag ? walk.schema.getType(frag.typeCondition.name.value) : undefined;
      if (frag && cond && (isObjectType(cond) || isInterfaceType(cond))) total += selectionCost(walk, cond, frag.selectionSet, value);
      continue;
    }
    const def = type.getFields()[sel.name.value];
    if (!def || !sel.selectionSet) continue;
    const named = getNamedType(def.type);
    if (!isObjectType(named) && !isInterfaceType(named)) continue;
    const key = sel.alias?.value ?? sel.name.value;
    const child = walk.actual && value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (walk.actual && child == null) continue;
    const args = fieldArgs(def, sel, walk.variables);
    // nodes(ids: [...]) is charged like a page of that many objects.
    const first =
      typeof args.first === 'number'
        ? args.first
        : typeof args.last === 'number'
          ? args.last
          : Array.isArray(args.ids)
            ? args.ids.length
            : undefined;

    if (named.name.endsWith('Connection')) {
      total += 2 + connectionCost(walk, named, sel.selectionSet, child, first ?? 0);
    } else if (isListType(getNullableType(def.type))) {
      if (walk.actual) {
        for (const item of child as unknown[]) total += 1 + selectionCost(walk, named, sel.selectionSet, item);
      } else {
        total += (first ?? 1) * (1 + selectionCost(walk, named, sel.selectionSet, undefined));
      }
    } else {
      total += 1 + selectionCost(walk, named, sel.selectionSet, child);
    }
  }
  return total;
}

function connectionCost(walk: Walk, type: Composite, set: SelectionSetNode, value: unknown, first: number): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind !== Kind.FIELD || !sel.selectionSet) continue;
    if (sel.name.value !== 'nodes' && sel.name.value !== 'edges') continue; // pageInfo is free
    const def = type.getFields()[sel.name.value];
    if (!def) continue;
    const itemType = getNamedType(def.type) as Composite;
    const key = sel.alias?.value ?? sel.name.value;
    if (walk.actual) {
      const items = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      for (const item of Array.isArray(items) ? items : []) total += edgeOrNodeCost(walk, sel.name.value, itemType, sel.selectionSet, item);
    } else {
      total += first * edgeOrNodeCost(walk, sel.name.value, itemType, sel.selectionSet, undefined);
    }
  }
  return total;
}

function edgeOrNodeCost(walk: Walk, field: string, type: Composite, set: SelectionSetNode, item: unknown): number {
  // An edge is free; its node (an object field inside) is counted like any object.
  return field === 'edges' ? selectionCost(walk, type, set, item) : 1 + selectionCost(walk, type, set, item);
}
