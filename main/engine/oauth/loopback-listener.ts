import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * Listens for the consent page's redirect on the loopback address registered with the person's app
 * (http://localhost:<port>/<path>, http://127.0.0.1:<port>/<path> or http://[::1]:<port>/<path>), only
 * while a flow waits: bound to loopback addresses, so nothing off this computer can reach it, and
 * closed as soon as the flow ends.
 */

/** Where to listen: the port, the registered path, and the loopback addresses the redirect's host names. */
export interface LoopbackTarget {
  port: number;
  path: string;
  hosts: readonly string[];
}

/**
 * The addresses a browser may reach a host name at. "localhost" is both 127.0.0.1 and ::1, and
 * Chromium tries ::1 first (whatever /etc/hosts says): listening on 127.0.0.1 alone would let another
 * program holding [::1]:<port> (a dev server bound to "localhost") take the code while Dockhand waits.
 */
const LOOPBACK_HOSTS: Record<string, readonly string[]> = {
  localhost: ['127.0.0.1', '::1'],
  '127.0.0.1': ['127.0.0.1'],
  '[::1]': ['::1'],
};

/** Errors of an address this computer does not have (no IPv6 loopback): no browser reaches it there either. */
const NO_SUCH_ADDRESS = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT']);

/** Where to listen, when `listenAt` is a loopback http address with a port; null otherwise. */
export function loopbackTarget(listenAt: string | null): LoopbackTarget | null {
  if (!listenAt) return null;
  let url: URL;
  try {
    url = new URL(listenAt);
  } catch {
    return null;
  }
  const hosts = Object.hasOwn(LOOPBACK_HOSTS, url.hostname) ? LOOPBACK_HOSTS[url.hostname] : undefined;
  if (url.protocol !== 'http:' || !hosts) return null;
  const port = Number(url.port || 80);
  return Number.isInteger(port) && port > 0 ? { port, path: url.pathname || '/', hosts } : null;
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
 * the page to show. Rejects (EADDRINUSE...) when the port cannot be had on one of the target's
 * addresses, and then listens on none of them: the person pastes instead. An address this computer
 * lacks (::1 without IPv6) is skipped when another one is listened on.
 */
export async function listenOnLoopback(target: LoopbackTarget, onLanding: (query: URLSearchParams) => Promise<LandingPage>): Promise<LoopbackListener> {
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== target.path) {
      send(res, { status: 404, title: 'Not found', text: 'Dockhand is waiting for the consent page\'s answer at another address.' });
      return;
    }
    onLanding(url.searchParams).then(
      (page) => send(res, page),
      () => send(res, { status: 500, title: 'Something went wrong', text: 'Dockhand could not take this answer: go back to Dockhand, which says what to do.' }),
    );
  };
  const servers: Server[] = [];
  try {
    for (const host of target.hosts) {
      const server = createServer(answer);
      try {
        await listen(server, host, target.port);
        servers.push(server);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException)?.code ?? '';
        if (NO_SUCH_ADDRESS.has(code) && host !== target.hosts[0]) continue;
        throw err;
      }
    }
  } catch (err) {
    await Promise.all(servers.map(stop));
    throw err;
  }
  let closing: Promise<void> | undefined;
  return {
    port: target.port,
    close() {
      closing ??= Promise.all(servers.map(stop)).then(() => undefined);
      return closing;
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Stops taking connections now; the page being answered still goes out (with connection: close), and
 * a browser that keeps an idle connection open loses it.
 */
function stop(server: Server): Promise<void> {
  return new Promise<void>((done) => {
    server.close(() => done());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
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
