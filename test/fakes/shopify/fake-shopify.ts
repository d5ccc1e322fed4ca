import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  executeSync,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { dialectOf, servedVersion, type FakeApiVersion } from './api-versions.js';
import { fastExecuteMutation, fastExecuteQuery } from './fast-execute.js';
import { queryCost } from './query-cost.js';
import { createRootValue } from './resolvers.js';
import { shopifySchema } from './schema.js';
import { FakeShopState, type FakeShopifyOptions } from './shop-state.js';

/**
 * A fake Shopify shop on 127.0.0.1:<ephemeral>: the GraphQL Admin API subset Dockhand uses (graphql-js
 * over the real field names, each version as Shopify documents it: api-versions.ts), query cost with a leaky bucket and THROTTLED replies, the 401 body of a bad
 * token, the client-credentials token endpoint, and faults to inject (5xx, malformed bodies, delays,
 * dropped connections).
 */

export interface FakeShopify {
  /** Base URL to put in the connection's baseUrl setting. */
  url: string;
  shopDomain: string;
  /** A permanent Admin API access token the fake accepts. */
  token: string;
  clientId: string;
  clientSecret: string;
  state: FakeShopState;
  close(): Promise<void>;
}

export const MAX_SINGLE_QUERY_COST = 1000;
const INVALID_TOKEN_BODY = '{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}';

interface VersionContext {
  schema: GraphQLSchema;
  rootValue: Record<string, unknown>;
  prepared: Map<string, PreparedDocument>;
  requestedCosts: Map<string, number>;
}

interface PreparedDocument {
  document: DocumentNode;
  operation?: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  errors: readonly GraphQLError[];
}

export async function createFakeShopify(options: FakeShopifyOptions = {}): Promise<FakeShopify> {
  const state = new FakeShopState(options);
  const versions = new Map<FakeApiVersion, VersionContext>();
  // Each version has its own schema and resolvers, and so its own caches of parsed documents and costs.
  const versionContext = (version: FakeApiVersion): VersionContext => {
    let found = versions.get(version);
    if (!found) {
      found = { schema: shopifySchema(version), rootValue: createRootValue(state, dialectOf(version)), prepared: new Map(), requestedCosts: new Map() };
      versions.set(version, found);
    }
    return found;
  };

  const prepare = ({ schema, prepared }: VersionContext, query: string): PreparedDocument => {
    let found = prepared.get(query);
    if (found) return found;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (err) {
      found = { document: { kind: Kind.DOCUMENT, definitions: [] }, fragments: {}, errors: [err as GraphQLError] };
      return found;
    }
    const errors = validate(schema, document);
    const fragments: Record<string, FragmentDefinitionNode> = {};
    let operation: OperationDefinitionNode | undefined;
    for (const def of document.definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
      if (def.kind === Kind.OPERATION_DEFINITION) operation ??= def;
    }
    found = { document, operation, fragments, errors };
    if (prepared.size < 200) prepared.set(query, found);
    return found;
  };

  const throttleStatus = () => ({
    maximumAvailable: state.bucket.maximumAvailable,
    currentlyAvailable: Math.floor(state.bucket.currentlyAvailable(state.now())),
    restoreRate: state.bucket.restoreRate,
  });

  const graphql = (req: IncomingMessage, body: string, version: VersionContext): { status: number; body: string } => {
    const { schema, rootValue, requestedCosts } = version;
    state.stats.graphqlRequests += 1;
    if (!state.isValidToken(header(req, 'x-shopify-access-token'))) return { status: 401, body: INVALID_TOKEN_BODY };
    let payload: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      payload = JSON.parse(body);
    } catch {
      return { status: 400, body: '{"errors":{"query":"Required parameter missing or invalid"}}' };
    }
    if (typeof payload.query !== 'string') return { status: 400, body: '{"errors":{"query":"Required parameter missing or invalid"}}' };
    const variables = (payload.variables && typeof payload.variables === 'object' ? payload.variables : {}) as Record<string, unknown>;
    const doc = prepare(version, payload.query);
    if (doc.errors.length > 0 || !doc.operation) {
      return json(200, { errors: doc.errors.map((e) => ({ message: e.message, locations: e.locations })) });
    }
    // The requested cost depends on the document and its page sizes only, not on the cursor, the search
    // or which ids are asked for (only how many); a mutation's on its fields only (cheap, not cached).
    let requested: number | undefined;
    if (doc.operation.operation === 'mutation') requested = queryCost(schema, doc.operation, doc.fragments, variables);
    else {
      const costKey = `${payload.query}\n${JSON.stringify(variables, costKeyValue)}`;
      requested = requestedCosts.get(costKey);
      if (requested === undefined) {
        requested = queryCost(schema, doc.operation, doc.fragments, variables);
        if (requestedCosts.size < 500) requestedCosts.set(costKey, requested);
      }
    }
    if (requested > MAX_SINGLE_QUERY_COST) {
      return json(200, {
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_SINGLE_QUERY_COST },
          },
        ],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus() } },
      });
    }
    if (!state.bucket.take(requested, state.now())) {
      state.stats.throttled += 1;
      return json(200, {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus() } },
      });
    }
    const result: { data?: Record<string, unknown> | null; errors?: readonly GraphQLError[] } =
      (doc.operation.operation === 'mutation'
        ? doc.document.definitions.length !== 1
          ? undefined
          : fastExecuteMutation(schema, doc.operation, rootValue, variables)
        : fastExecuteQuery(schema, doc.operation, rootValue, variables)) ??
      executeSync({
        schema,
        document: doc.document,
        rootValue,
        variableValues: variables,
        operationName: typeof payload.operationName === 'string' ? payload.operationName : undefined,
      });
    const actual = result.data
      ? Math.min(requested, queryCost(schema, doc.operation, doc.fragments, variables, result.data))
      : requested;
    state.bucket.refund(requested - actual);
    state.recordSpend(actual);
    return json(200, {
      ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
      data: result.data ?? null,
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus() } },
    });
  };

  const tokenEndpoint = (req: IncomingMessage, body: string): { status: number; body: string } => {
    state.stats.tokenRequests += 1;
    const params = readParams(header(req, 'content-type') ?? '', body);
    if (params.grant_type !== 'client_credentials') {
      return json(400, { error: 'unsupported_grant_type', error_description: 'The authorization grant type is not supported.' });
    }
    if (params.client_id !== state.clientId || params.client_secret !== state.clientSecret) {
      return json(400, {
        error: 'invalid_client',
        error_description: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      });
    }
    const issued = state.issueToken();
    return json(200, { access_token: issued.token, scope: state.scopes.join(','), expires_in: issued.expiresIn });
  };

  const route = (req: IncomingMessage, body: string): { status: number; body: string } => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'POST' && path === '/admin/oauth/access_token') return tokenEndpoint(req, body);
    const m = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(path);
    const version = m ? servedVersion(m[1], state.oldestServedApiVersion) : undefined;
    if (req.method === 'POST' && m && version) {
      state.apiVersionsRequested.set(m[1], (state.apiVersionsRequested.get(m[1]) ?? 0) + 1);
      return graphql(req, body, versionContext(version));
    }
    return { status: 404, body: '{"errors":"Not Found"}' };
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    state.stats.requests += 1;
    const fault = state.takeFault(body);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') return send(res, fault.status, fault.body);
    if (fault?.kind === 'malformed') return send(res, 200, fault.body);
    if (fault?.kind === 'delay' && !fault.after) await sleep(fault.ms);
    let reply: { status: number; body: string };
    try {
      reply = route(req, body);
    } catch (err) {
      reply = json(500, { errors: [{ message: `fake shopify failed: ${(err as Error).message}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
    if (fault?.kind === 'delay' && fault.after) await sleep(fault.ms);
    if (!res.destroyed) send(res, reply.status, reply.body);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    shopDomain: state.shopDomain,
    token: state.token,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function costKeyValue(key: string, value: unknown): unknown {
  if (key === 'after' || key === 'query') return null;
  if (key === 'ids' && Array.isArray(value)) return value.length;
  return value;
}

function json(status: number, value: unknown): { status: number; body: string } {
  return { status, body: JSON.stringify(value) };
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-request-id': Math.random().toString(16).slice(2),
  });
  res.end(body);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readParams(contentType: string, body: string): Record<string, string> {
  if (contentType.includes('application/json')) {
    try {
      const value = JSON.parse(body) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
