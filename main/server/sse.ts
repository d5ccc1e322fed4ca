import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine, EngineEvent } from '../engine/engine-api.js';

export const DEFAULT_HEARTBEAT_MS = 15_000;

/** One open `GET /api/events` stream. */
export interface SseStream {
  close(): void;
}

/**
 * Relays engine events as Server-Sent Events: `event: <type>` and `data: <the event as JSON>`.
 * A comment line every heartbeat keeps proxies and idle timers from closing a quiet stream.
 */
export function openSseStream(
  req: IncomingMessage,
  res: ServerResponse,
  engine: Engine,
  options: { heartbeatMs?: number; onClose?: () => void } = {},
): SseStream {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // Tell EventSource how soon to reconnect, and flush the headers so the client sees the stream open.
  res.write('retry: 3000\n: connected\n\n');

  const unsubscribe = engine.onEvent((event: EngineEvent) => {
    res.write(formatEvent(event));
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    options.onClose?.();
    if (!res.writableEnded) res.end();
  };
  req.on('close', close);
  res.on('close', close);
  return { close };
}

export function formatEvent(event: EngineEvent): string {
  // JSON never contains a raw newline, so one data line carries the whole event.
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
