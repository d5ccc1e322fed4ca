import http from 'node:http';

/**
 * A web site that is not a Magento store (a WordPress blog, a parked domain): every path answers an HTML
 * page, /rest/V1/... included, so a connector pointed here must say "this is not a Magento store" rather
 * than "wrong token". `basicAuth` puts it behind the web server's password prompt. `redirectTo` makes it answer every request with a 301 to that address instead
 * (http:// moved to https://, or the shop moved to www.).
 */

export interface OtherSite {
  url: string;
  close(): Promise<void>;
}

export async function createOtherSite(options: { redirectTo?: string; status?: number; basicAuth?: boolean } = {}): Promise<OtherSite> {
  const server = http.createServer((req, res) => {
    req.resume();
    if (options.redirectTo) {
      res.writeHead(301, { location: `${options.redirectTo}${req.url ?? '/'}`, 'content-type': 'text/html' });
      res.end('<html><body>Moved Permanently</body></html>');
      return;
    }
    if (options.basicAuth) {
      // A staging store behind the web server's password prompt, Magento never reached.
      res.writeHead(401, { 'www-authenticate': 'Basic realm="Staging"', 'content-type': 'text/html' });
      res.end('<html><head><title>401 Authorization Required</title></head><body><h1>401 Authorization Required</h1></body></html>');
      return;
    }
    res.writeHead(options.status ?? 200, { 'content-type': 'text/html; charset=UTF-8' });
    res.end('<!DOCTYPE html><html lang="en-US"><head><title>Just another WordPress site</title></head><body><h1>Hello world!</h1></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
