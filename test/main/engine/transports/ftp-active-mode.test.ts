import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ftpTransportSchema } from '../../../../shared/schemas/wms.js';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import { createFtpTransport } from '../../../../main/engine/transports/ftp-transport.js';
import { rejection } from '../../../support/rejection.js';

/**
 * Active mode (ftp-active-mode.ts) against a scripted FTP server on 127.0.0.1, for what vsftpd does not
 * do (ftp-transport-active.test.ts covers vsftpd): a server that replies 150 before it connects back, one
 * that never connects back (a firewall), one without EPRT, and one that refuses active mode altogether.
 */

type Behaviour = {
  /** How EPRT is answered: accepted, or "500 unknown command" (old servers know only PORT). */
  eprt: 'ok' | 'unknown';
  /** How PORT is answered. */
  port: 'ok' | 'refused';
  /** After RETR: reply 150 and then connect back, or reply 150 and never connect. */
  retr: 'connect-after-150' | 'never-connect';
};

interface ScriptedServer {
  port: number;
  /** Every command received, in order. */
  commands: string[];
  /** The address the client announced last (EPRT or PORT). */
  announced?: { host: string; port: number };
  close(): Promise<void>;
}

const FILE = 'late,connect\r\n1,2\r\n';

async function scriptedFtpServer(behaviour: Behaviour, host = '127.0.0.1'): Promise<ScriptedServer> {
  const sockets = new Set<Socket>();
  const state: ScriptedServer = { port: 0, commands: [], close: () => Promise.resolve() };
  const server: Server = createServer((control) => {
    sockets.add(control);
    control.on('error', () => {});
    control.write('220 scripted\r\n');
    let buffered = '';
    control.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let end;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        answer(control, line);
      }
    });
  });
  const answer = (control: Socket, line: string) => {
    state.commands.push(line);
    const [verb = '', arg = ''] = line.split(/ (.*)/s);
    const reply = (text: string) => control.write(`${text}\r\n`);
    switch (verb.toUpperCase()) {
      case 'USER':
        return reply('331 password please');
      case 'PASS':
        return reply('230 logged in');
      case 'FEAT':
        return reply('211 no features');
      case 'EPRT': {
        if (behaviour.eprt === 'unknown') return reply('500 EPRT not understood');
        const [, , host = '', port = ''] = arg.split('|');
        state.announced = { host, port: Number(port) };
        return reply('200 EPRT ok');
      }
      case 'PORT': {
        if (behaviour.port === 'refused') return reply('500 Illegal PORT command');
        const n = arg.split(',').map(Number);
        state.announced = { host: n.slice(0, 4).join('.'), port: (n[4] ?? 0) * 256 + (n[5] ?? 0) };
        return reply('200 PORT ok');
      }
      case 'RETR': {
        reply('150 opening data connection');
        if (behaviour.retr === 'never-connect' || !state.announced) return;
        const { host, port } = state.announced;
        // Connect only after the 150 has gone out, as some servers do.
        setTimeout(() => {
          const data = connect({ host, port }, () => {
            data.end(FILE, () => reply('226 transfer complete'));
          });
          data.on('error', () => {});
        }, 50);
        return;
      }
      case 'SIZE':
      case 'MDTM':
        return reply('550 not here');
      default:
        return reply('200 ok');
    }
  };
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  state.port = (server.address() as { port: number }).port;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

function activeTransport(server: ScriptedServer, host = '127.0.0.1') {
  const settings = ftpTransportSchema.parse({ kind: 'ftp', host, port: server.port, user: 'dock', root: '/', dataConnection: 'active' });
  return createFtpTransport(settings, 'secret', { log: silentLogger, signal: new AbortController().signal, timeoutMs: 1_500 });
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });
}

describe('FTP active mode against a scripted server', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  async function setUp(behaviour: Behaviour, host = '127.0.0.1') {
    const server = await scriptedFtpServer(behaviour, host);
    const transport = activeTransport(server, host);
    cleanup.push(() => server.close(), () => transport.close());
    return { server, transport };
  }

  it('downloads from a server that replies 150 before it connects back, and closes its listener afterwards', async () => {
    const { server, transport } = await setUp({ eprt: 'ok', port: 'ok', retr: 'connect-after-150' });
    expect((await transport.read('in/a.csv')).toString()).toBe(FILE);
    expect(server.commands).toContain(`EPRT |1|127.0.0.1|${server.announced?.port}|`);
    expect(server.commands.some((c) => c.startsWith('EPSV') || c.startsWith('PASV'))).toBe(false);
    expect(await refused(server.announced?.port ?? 0)).toBe(true);
  });

  it('announces an IPv6 address with EPRT when the control connection is IPv6', async () => {
    const { server, transport } = await setUp({ eprt: 'ok', port: 'ok', retr: 'connect-after-150' }, '::1');
    expect((await transport.read('in/a.csv')).toString()).toBe(FILE);
    expect(server.commands).toContain(`EPRT |2|::1|${server.announced?.port}|`);
  });

  it('falls back to PORT when the server does not understand EPRT', async () => {
    const { server, transport } = await setUp({ eprt: 'unknown', port: 'ok', retr: 'connect-after-150' });
    expect((await transport.read('in/a.csv')).toString()).toBe(FILE);
    const announced = server.announced?.port ?? 0;
    expect(server.commands).toContain(`PORT 127,0,0,1,${announced >> 8},${announced & 255}`);
  });

  it('fails a transfer the server never connects back for with a temporary error naming active mode and the firewall, and closes the listener', async () => {
    const { server, transport } = await setUp({ eprt: 'ok', port: 'ok', retr: 'never-connect' });
    const err = await rejection(transport.read('in/a.csv'));
    expect(err.kind).toBe('transient');
    expect(err.message).toContain('did not connect back');
    expect(err.message).toContain('active mode');
    expect(err.message).toContain('firewall');
    expect(err.message).toContain(`127.0.0.1:${server.port}`);
    expect(await refused(server.announced?.port ?? 0)).toBe(true);
  });

  it('says a server that refuses PORT and EPRT does not allow active mode, a settings problem', async () => {
    const { transport } = await setUp({ eprt: 'unknown', port: 'refused', retr: 'connect-after-150' });
    const err = await rejection(transport.read('in/a.csv'));
    expect(err.kind).toBe('config');
    expect(err.message).toContain('does not allow active mode');
    expect(err.message).toContain('choose passive mode');
  });
});
