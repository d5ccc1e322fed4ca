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
 * Reads a JSON request body. Only `application/json` is accepted: a cross-site HTML form can only send
 * form or text types, so this also keeps forged form posts out. An empty body reads as `{}`, so
 * methods without input need no body.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new RequestRefused(415, new DockhandError('validation', 'Send the request body as JSON (Content-Type: application/json)'));
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RequestRefused(
      400,
      new DockhandError('validation', `The request body is not valid JSON: ${(err as Error).message}`),
    );
  }
}

function tooLarge(maxBytes: number): RequestRefused {
  return new RequestRefused(
    413,
    new DockhandError('validation', `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`),
  );
}
