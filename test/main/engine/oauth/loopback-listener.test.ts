import { connect, createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnLoopback, loopbackTarget, type LoopbackListener } from '../../../../main/engine/oauth/loopback-listener.js';

/** A port free right now on both loopback addresses. */
async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const port = (server.address() as { port: number }).port;
    await close(server);
    if (!hasIpv6Loopback || (await reaches('::1', port)) === 'refused') return port;
  }
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function reaches(host: string, port: number): Promise<'open' | 'refused'> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNREFUSED' ? resolve('refused') : reject(err)));
  });
}

/** Whether this computer has ::1 (most do; a container without IPv6 does not). */
const hasIpv6Loopback = await new Promise<boolean>((resolve) => {
  const probe = createServer();
  probe.once('error', () => resolve(false));
  probe.listen({ host: '::1', port: 0 }, () => probe.close(() => resolve(true)));
});

const opened: LoopbackListener[] = [];
const squatters: Server[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()));
  await Promise.all(squatters.splice(0).map(close));
});

const answer = async () => ({ status: 200, title: 'Connected', text: 'ok' });

describe('the loopback listener of a consent flow', () => {
  it('listens where a browser goes for each loopback host name: localhost on both 127.0.0.1 and ::1', () => {
    expect(loopbackTarget('http://localhost:3003/oauth/redirect')).toEqual({ port: 3003, path: '/oauth/redirect', hosts: ['127.0.0.1', '::1'] });
    expect(loopbackTarget('http://127.0.0.1:8080/cb')).toEqual({ port: 8080, path: '/cb', hosts: ['127.0.0.1'] });
    expect(loopbackTarget('http://[::1]:8080/cb')).toEqual({ port: 8080, path: '/cb', hosts: ['::1'] });
    expect(loopbackTarget('https://localhost:3003/cb')).toBeNull();
    expect(loopbackTarget('http://dockhand.example:3003/cb')).toBeNull();
    expect(loopbackTarget('http://constructor:3003/cb')).toBeNull();
    expect(loopbackTarget(null)).toBeNull();
  });

  it.skipIf(!hasIpv6Loopback)('takes the landing on ::1 as well as 127.0.0.1 for a localhost redirect (Chromium tries ::1 first), and closes both', async () => {
    const port = await freePort();
    const seen: string[] = [];
    const listener = await listenOnLoopback(loopbackTarget(`http://localhost:${port}/oauth/redirect`)!, async (query) => {
      seen.push(query.get('code') ?? '');
      return { status: 200, title: 'Connected', text: 'ok' };
    });
    opened.push(listener);
    expect((await fetch(`http://[::1]:${port}/oauth/redirect?code=six`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/oauth/redirect?code=four`)).status).toBe(200);
    expect(seen).toEqual(['six', 'four']);

    await listener.close();
    expect(await reaches('::1', port)).toBe('refused');
    expect(await reaches('127.0.0.1', port)).toBe('refused');
  });

  it.skipIf(!hasIpv6Loopback)('refuses to start when another program holds the port on ::1 only, and leaves 127.0.0.1 free', async () => {
    const port = await freePort();
    const squatter = createServer();
    squatters.push(squatter);
    await new Promise<void>((resolve) => squatter.listen({ host: '::1', port }, resolve));

    await expect(listenOnLoopback(loopbackTarget(`http://localhost:${port}/oauth/redirect`)!, answer)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(await reaches('127.0.0.1', port)).toBe('refused');
  });

  it('refuses to start when another program holds the port on 127.0.0.1', async () => {
    const port = await freePort();
    const squatter = createServer();
    squatters.push(squatter);
    await new Promise<void>((resolve) => squatter.listen({ host: '127.0.0.1', port }, resolve));
    await expect(listenOnLoopback(loopbackTarget(`http://localhost:${port}/cb`)!, answer)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('answers 404 off the registered path without passing the request on', async () => {
    const port = await freePort();
    let calls = 0;
    opened.push(
      await listenOnLoopback(loopbackTarget(`http://127.0.0.1:${port}/cb`)!, async () => {
        calls += 1;
        return { status: 200, title: 'Connected', text: 'ok' };
      }),
    );
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere?code=x`)).status).toBe(404);
    expect(calls).toBe(0);
  });
});
