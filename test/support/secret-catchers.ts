import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * Servers at an address a saved secret must never reach: they record every secret presented to them.
 * An HTTP one for Shopify (the X-Shopify-Access-Token header, a client-credentials body), an FTP one
 * that asks for the password and writes down what it gets.
 */

export interface SecretCatcher {
  /** The address to point settings at: `http://127.0.0.1:<port>` or the port for FTP. */
  url: string;
  port: number;
  /** Every secret presented, in order. */
  readonly caught: string[];
  close(): Promise<void>;
}

function listening(server: { listen(port: number, host: string, cb: () => void): unknown; address(): unknown }): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** Answers every Shopify call with 401 after noting the token (or the client secret) it came with. */
export async function startShopifyCatcher(): Promise<SecretCatcher> {
  const caught: string[] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const token = req.headers['x-shopify-access-token'];
      if (typeof token === 'string') caught.push(token);
      const secret = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('client_secret');
      if (secret) caught.push(secret);
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }));
    });
  });
  const port = await listening(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    caught,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Speaks enough FTP to be sent a password, notes it, and refuses the login. */
export async function startFtpCatcher(): Promise<SecretCatcher> {
  const caught: string[] = [];
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.write('220 catcher ready\r\n');
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (let end = buffered.indexOf('\r\n'); end >= 0; end = buffered.indexOf('\r\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const [command, ...rest] = line.split(' ');
        const verb = command.toUpperCase();
        if (verb === 'USER') socket.write('331 Password required\r\n');
        else if (verb === 'PASS') {
          caught.push(rest.join(' '));
          socket.write('530 Login incorrect\r\n');
        } else if (verb === 'QUIT') socket.end('221 Bye\r\n');
        else socket.write('502 Not implemented\r\n');
      }
    });
  });
  const port = await listening(server);
  return {
    url: `ftp://127.0.0.1:${port}`,
    port,
    caught,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
