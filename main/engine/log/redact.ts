import { cartSecretPatterns } from '../../../shared/platforms/index.js';

/**
 * Secret redaction for everything that reaches a log (DESIGN.md: "never log secrets").
 * Works on a copy: the caller's objects are never mutated, because the same objects are often
 * still in use (a connection config, a request being retried).
 */

export const REDACTED = '[redacted]';

/** Keys whose values are secrets whatever they hold. */
const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|cookie|credential/i;
/** Keys the pattern above catches that are known not to be secret (the FTP passive-mode flag). */
const NOT_SECRET_KEY = /^passive(mode)?$/i;

const MAX_DEPTH = 10;

interface ValuePattern {
  pattern: RegExp;
  replace: string;
}

/**
 * Secrets that show up inside strings: messages, URLs, response bodies, header dumps.
 * Order matters: authorization schemes go before the generic `key: value` rule so the scheme name
 * survives and the credential after it does not.
 */
const VALUE_PATTERNS: ValuePattern[] = [
  // HTTP authorization schemes.
  { pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, replace: `$1 ${REDACTED}` },
  // Each cart platform's own token shapes and headers (shared/platforms: its descriptor's secretPatterns).
  ...cartSecretPatterns(),
  // user:password@ in any URL (ftp://, https://, ...); the user name stays, it helps diagnosis.
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^/\s:@]+):[^/\s@]+@/gi, replace: `$1:${REDACTED}@` },
  // Query parameters that carry credentials.
  {
    pattern:
      /([?&](?:access_token|token|api[-_]?key|key|password|passwd|secret|client_secret|signature|sig|auth)=)[^&#\s"']+/gi,
    replace: `$1${REDACTED}`,
  },
  // "password": "x" / password=x inside serialised bodies or messages.
  {
    pattern:
      /(["']?\b(?:password|passwd|secret|client_secret|access_token|refresh_token|token|api[-_]?key|authorization)["']?\s*[:=]\s*["']?)(?!\[redacted\]|Bearer\b|Basic\b)[^\s"',&}]+/gi,
    replace: `$1${REDACTED}`,
  },
];

export function redactString(text: string): string {
  let out = text;
  for (const { pattern, replace } of VALUE_PATTERNS) out = out.replace(pattern, replace);
  return out;
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !NOT_SECRET_KEY.test(key);
}

/** A deep, redacted, JSON-safe copy of `value`. */
export function redact(value: unknown): unknown {
  return redactValue(value, 0, new WeakSet());
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case 'string':
      return redactString(value);
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'function':
      return `[function ${value.name || 'anonymous'}]`;
    case 'symbol':
      return value.toString();
  }
  const obj = value as object;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof URL) return redactString(obj.href);
  if (Buffer.isBuffer(obj) || obj instanceof Uint8Array) return `[${obj.byteLength} bytes]`;
  if (seen.has(obj)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[truncated]';
  seen.add(obj);
  try {
    if (obj instanceof Error) return redactError(obj, depth, seen);
    if (Array.isArray(obj)) return obj.map((item) => redactValue(item, depth + 1, seen));
    if (obj instanceof Map) {
      return redactEntries([...obj.entries()].map(([k, v]) => [String(k), v]), depth, seen);
    }
    if (obj instanceof Set) return [...obj].map((item) => redactValue(item, depth + 1, seen));
    return redactEntries(Object.entries(obj), depth, seen);
  } finally {
    // A value may appear twice without being a cycle (the same config in two fields).
    seen.delete(obj);
  }
}

function redactEntries(
  entries: [string, unknown][],
  depth: number,
  seen: WeakSet<object>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    out[key] = isSecretKey(key) && item !== undefined && item !== null && item !== ''
      ? REDACTED
      : redactValue(item, depth + 1, seen);
  }
  return out;
}

/** Errors lose message and stack under JSON.stringify; keep them, plus a DockhandError's kind and fields. */
function redactError(err: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: err.name,
    message: redactString(err.message),
  };
  if (err.stack) out.stack = redactString(err.stack);
  const extra = err as Error & Record<string, unknown>;
  for (const key of Object.keys(extra)) {
    if (key === 'options') continue; // DockhandError's options: fields and cause are taken below.
    out[key] = isSecretKey(key) ? REDACTED : redactValue(extra[key], depth + 1, seen);
  }
  const { fields, retryAfterMs } = extra as { fields?: unknown; retryAfterMs?: unknown };
  if (fields !== undefined) out.fields = redactValue(fields, depth + 1, seen);
  if (typeof retryAfterMs === 'number') out.retryAfterMs = retryAfterMs;
  if (err.cause !== undefined) out.cause = redactValue(err.cause, depth + 1, seen);
  return out;
}
