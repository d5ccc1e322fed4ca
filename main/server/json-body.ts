import type { IncomingMessage } from 'node:http';
import { DockhandError } from '../../shared/errors.js';

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** A request the host refuses before the engine sees it, with the HTTP status that says why. */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly error: DockhandError,
  ) {
    super(error.message);
  }
}

/**
 * A whole body must arrive within this time. A client that trickles a body in (1 byte a second) would
 * otherwise hold a connection and its buffers for as long as Node's request timeout (300 s by default).
 */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/**
 * Deeper JSON is refused before it is parsed. No method's input nests more than a handful of levels,
 * while JSON nested thousands deep overflows the stack wherever it is walked recursively (copying it to
 * the engine's worker thread did: a 500).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Reads a JSON request body. Only `application/json` is accepted: a cross-site HTML form can only send
 * form or text types, so this also keeps forged form posts out. An empty body reads as `{}`, so
 * methods without input need no body.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes = DEFAULT_MAX_BODY_BYTES, timeoutMs = DEFAULT_BODY_TIMEOUT_MS): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new RequestRefused(415, new DockhandError('validation', 'Send the request body as JSON (Content-Type: application/json)'));
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

  const text = (await readBody(req, maxBytes, timeoutMs)).toString('utf8');
  if (text.trim() === '') return {};
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new RequestRefused(400, new DockhandError('validation', `The request body is nested more than ${MAX_JSON_DEPTH} levels deep`));
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RequestRefused(
      400,
      new DockhandError('validation', `The request body is not valid JSON: ${(err as Error).message}`),
    );
  }
}

/** The body, or a refusal when it is too large or has not all arrived within `timeoutMs`. */
function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (err: Error | null) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (!err) return resolve(Buffer.concat(chunks));
      // Stop reading: the answer goes out with Connection: close, which ends the connection.
      req.pause();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish(tooLarge(maxBytes));
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = (err: Error) => finish(err);
    const onClose = () => finish(new RequestRefused(400, new DockhandError('validation', 'The connection closed before the whole body arrived')));
    const timer = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 100) / 10;
      finish(new RequestRefused(408, new DockhandError('validation', `The request body did not arrive within ${seconds} s`)));
    }, timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** Counts brackets outside strings, without parsing (so without recursion). */
export function nestedDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function tooLarge(maxBytes: number): RequestRefused {
  return new RequestRefused(
    413,
    new DockhandError('validation', `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`),
  );
}
