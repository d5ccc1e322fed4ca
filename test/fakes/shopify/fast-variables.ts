import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Variable values for the fast executor, for the common case only: every declared variable is given,
 * already in its exact GraphQL shape (strings for IDs, arrays for lists, no unknown input fields), so
 * that graphql-js's coercion would return the same values (plus input-field defaults, filled in here).
 * Anything else answers undefined and the caller lets graphql-js coerce and report the errors, worded
 * its way.
 */

const REJECT = Symbol('reject');

export function strictVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (def.defaultValue || def.directives?.length || !Object.prototype.hasOwnProperty.call(raw, name)) return undefined;
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
    if (!type) return undefined;
    const value = coerce(type, raw[name]);
    if (value === REJECT) return undefined;
    out[name] = value;
  }
  return out;
}

function coerce(type: GraphQLInputType, value: unknown): unknown {
  if (isNonNullType(type)) return value === null || value === undefined ? REJECT : coerce(type.ofType, value);
  if (value === null) return null;
  if (isListType(type)) {
    if (!Array.isArray(value)) return REJECT; // a single value coerced to a list: graphql-js's job
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = coerce(type.ofType, value[i]);
      if (item === REJECT) return REJECT;
      items[i] = item;
    }
    return items;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return REJECT;
    const fields = type.getFields();
    const given = value as Record<string, unknown>;
    for (const key in given) if (!Object.prototype.hasOwnProperty.call(fields, key)) return REJECT;
    const obj: Record<string, unknown> = {};
    for (const key in fields) {
      const field = fields[key];
      if (!Object.prototype.hasOwnProperty.call(given, key)) {
        if (field.defaultValue !== undefined) obj[key] = field.defaultValue;
        else if (isNonNullType(field.type)) return REJECT;
        continue;
      }
      const item = coerce(field.type, given[key]);
      if (item === REJECT) return REJECT;
      obj[key] = item;
    }
    return obj;
  }
  if (isEnumType(type)) return typeof value === 'string' && type.getValue(value) ? type.getValue(value)!.value : REJECT;
  switch (type.name) {
    case GraphQLString.name:
    case GraphQLID.name:
    case 'URL':
      return typeof value === 'string' ? value : REJECT;
    case GraphQLBoolean.name:
      return typeof value === 'boolean' ? value : REJECT;
    case GraphQLInt.name:
      return Number.isInteger(value) && (value as number) <= 2147483647 && (value as number) >= -2147483648 ? value : REJECT;
    case GraphQLFloat.name:
      return typeof value === 'number' && Number.isFinite(value) ? value : REJECT;
    default:
      return REJECT; // other custom scalars have their own parseValue
  }
}
