import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * Listens for the consent page's redirect on the loopback address registered with the person's app
 * (http://localhost:<port>/<path> or http://127.0.0.1:<port>/<path>), only while a flow waits: bound to
 * 127.0.0.1, so nothing off this computer can reach it, and closed as soon as the flow ends.
 */

/** Where to listen, when `listenAt` is a loopback http address with a port; null otherwise. */
export function loopbackTarget(listenAt: string | null): { port: number; path: string } | null {
  if (!listenAt) return null;
  let url: URL;
  try {
    url = new URL(listenAt);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1')) return null;
  const port = Number(url.port || 80);
  return Number.isInteger(port) && port > 0 ? { port, path: url.pathname || '/' } : null;
}

/** The page the browser shows after the redirect. */
export interface LandingPage {
  status: number;
  title: string;
  text: string;
}

export interface LoopbackListener {
  readonly port: number;
  /** Stops listening and drops open connections; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts listening; `onLanding` gets each request to the registered path (its query) and answers with
 * the page to show. Rejects (EADDRINUSE...) when the port cannot be had: the person pastes instead.
 */
export function listenOnLoopback(target: { port: number; path: string }, onLanding: (query: URLSearchParams) => Promise<LandingPage>): Promise<LoopbackListener> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== target.path) {
      send(res, { status: 404, title: 'Not found', text: 'Dockhand is waiting for the consent page\'s answer at another address.' });
      return;
    }
    onLanding(url.searchParams).then(
      (page) => send(res, page),
      () => send(res, { status: 500, title: 'Something went wrong', text: 'Dockhand could not take this answer: go back to Dockhand, which says what to do.' }),
    );
  });
  let closing: Promise<void> | undefined;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: target.port }, () => {
      server.off('error', reject);
      resolve({
        port: target.port,
        close() {
          closing ??= new Promise<void>((done) => {
            // Stops taking connections now; the page being answered still goes out (with
            // connection: close), and a browser that keeps an idle connection open loses it.
            server.close(() => done());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 2_000).unref();
          });
          return closing;
        },
      });
    });
  });
}

function send(res: ServerResponse, page: LandingPage): void {
  const body = `<!doctype html><html><head><meta charset="utf-8"><title>${html(page.title)} - Dockhand</title></head><body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>${html(page.title)}</h1><p>${html(page.text)}</p></body></html>`;
  res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', connection: 'close' });
  res.end(body);
}

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
