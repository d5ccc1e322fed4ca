import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { connect as tlsConnect, TLSSocket } from 'node:tls';
import { FTPError, type FTPContext, type FTPResponse } from 'basic-ftp';
import { DockhandError } from '../../../shared/errors.js';

/**
 * Active-mode FTP for basic-ftp, which only speaks passive mode: a `prepareTransfer` strategy.
 *
 * We listen on the control connection's own local address (so the server gets an address it can reach
 * and the same IP family), tell the server with EPRT (falling back to PORT for IPv4 servers that do not
 * know EPRT) and let basic-ftp send its transfer command. The server connects back only after that
 * command, but basic-ftp's transfer handlers take `ftp.dataSocket` as soon as the 150/125 "opening data
 * connection" reply arrives. So for that one transfer the replies are held back until the server's
 * connection is accepted (most servers connect before replying 150, some after), then the accepted
 * socket, wrapped in TLS for explicit FTPS exactly as basic-ftp does for passive, becomes the data socket
 * and the held replies are handed on in order. A placeholder socket stands in until then, because
 * basic-ftp refuses to start a download without any data socket.
 *
 * The listener is closed once the server connected, when the transfer ends, and on any error. A server
 * that never connects back fails the transfer after the client's timeout with an error naming active
 * mode and the firewall. Only connections from the server's own address are accepted.
 */

export interface ActiveModeOptions {
  /** host:port of the server, for messages. */
  where: string;
  /** How long to wait for the server to connect back; the client's timeout. */
  timeoutMs: number;
}

export function activeModeStrategy(options: ActiveModeOptions): (ftp: FTPContext) => Promise<FTPResponse> {
  return (ftp) => enterActiveMode(ftp, options);
}

/** An IPv4 address in IPv6 form ("::ffff:127.0.0.1") as the plain IPv4 address the server sees. */
function plainAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

function isIPv4(address: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(address);
}

async function enterActiveMode(ftp: FTPContext, options: ActiveModeOptions): Promise<FTPResponse> {
  const local = ftp.socket.localAddress;
  const serverAddress = ftp.socket.remoteAddress;
  if (local === undefined || serverAddress === undefined) throw new Error('Control connection is closed; cannot open an active-mode data connection');
  const ip = plainAddress(local);
  const listener = createServer();
  const early: Socket[] = [];
  const acceptedFromServer = (socket: Socket) => plainAddress(socket.remoteAddress ?? '') === plainAddress(serverAddress);
  // A connection that arrives before the transfer command was sent (it should not) waits here.
  listener.on('connection', (socket) => (acceptedFromServer(socket) ? early.push(socket) : socket.destroy()));
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(0, ip, () => {
      listener.off('error', reject);
      resolve();
    });
  });
  listener.on('error', () => {});
  const port = (listener.address() as AddressInfo).port;

  let reply: FTPResponse;
  try {
    reply = await announcePort(ftp, ip, port, options.where);
  } catch (err) {
    listener.close();
    throw err;
  }

  // basic-ftp's downloadTo() refuses to start without a data socket; the accepted one replaces this.
  ftp.dataSocket = new Socket();
  const handle = ftp.handle;
  // Only the next task (the transfer command basic-ftp sends right after this strategy) is gated.
  ftp.handle = (command, responseHandler) => {
    delete (ftp as { handle?: unknown }).handle;
    const gate = gatedHandler(ftp, listener, early, acceptedFromServer, responseHandler, options);
    return handle.call(ftp, command, gate.handler).finally(gate.stopWaiting);
  };
  return reply;
}

/** EPRT, or PORT where the server does not understand EPRT (IPv4 only: PORT cannot carry IPv6). */
async function announcePort(ftp: FTPContext, ip: string, port: number, where: string): Promise<FTPResponse> {
  const v4 = isIPv4(ip);
  try {
    return await ftp.request(`EPRT |${v4 ? 1 : 2}|${ip}|${port}|`);
  } catch (err) {
    if (!(err instanceof FTPError)) throw err;
    if (!v4 || (err.code !== 500 && err.code !== 502)) throw refusedActive(err, where);
  }
  try {
    return await ftp.request(`PORT ${ip.split('.').join(',')},${port >> 8},${port & 255}`);
  } catch (err) {
    throw err instanceof FTPError ? refusedActive(err, where) : err;
  }
}

function refusedActive(err: FTPError, where: string): DockhandError {
  return new DockhandError(
    'config',
    `FTP server ${where} does not allow active mode (it refused to connect back: ${err.message.trim()}); choose passive mode for this server`,
    { cause: err },
  );
}

type ResponseHandler = Parameters<FTPContext['handle']>[1];
type Task = Parameters<ResponseHandler>[1];

function gatedHandler(
  ftp: FTPContext,
  listener: Server,
  early: Socket[],
  acceptedFromServer: (socket: Socket) => boolean,
  handler: ResponseHandler,
  options: ActiveModeOptions,
): { handler: ResponseHandler; stopWaiting: () => void } {
  let connected = false;
  /** Replies that arrived after 150/125 but before the server's data connection. */
  let held: FTPResponse[] | undefined;
  let task: Task | undefined;

  const stopWaiting = () => {
    clearTimeout(timer);
    listener.removeAllListeners('connection');
    listener.close();
  };
  const timer = setTimeout(() => {
    stopWaiting();
    ftp.closeWithError(
      new DockhandError(
        'transient',
        `FTP server ${options.where} did not connect back for the data transfer in active mode within ${Math.round(options.timeoutMs / 1000)} s: a firewall on this computer or network may block it; allow incoming connections for Dockhand, or choose passive mode if the server offers it`,
      ),
    );
  }, options.timeoutMs);

  const install = (raw: Socket) => {
    if (connected) {
      raw.destroy();
      return;
    }
    connected = true;
    stopWaiting();
    let socket: Socket = raw;
    if (ftp.socket instanceof TLSSocket) {
      // As basic-ftp does for passive data connections: we are the TLS client whoever connected, and we
      // resume the control connection's session, which servers check so no one else can take the connection.
      const tlsSocket = tlsConnect({ ...ftp.tlsOptions, socket: raw, session: ftp.tlsSessionStore ?? ftp.socket.getSession() });
      tlsSocket.on('session', (session: Buffer) => (ftp.tlsSessionStore = session));
      socket = tlsSocket;
    }
    ftp.dataSocket = socket;
    const pending = held ?? [];
    held = undefined;
    for (const response of pending) {
      if (task) deliver(response, task);
    }
  };

  const deliver = (response: FTPResponse | Error, to: Task) => {
    try {
      handler(response, to);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      to.reject(error);
      ftp.closeWithError(error);
    }
  };

  const first = early.shift();
  for (const extra of early.splice(0)) extra.destroy();
  if (first) install(first);
  else listener.on('connection', (socket) => (acceptedFromServer(socket) ? install(socket) : socket.destroy()));

  const gated: ResponseHandler = (response, t) => {
    task = t;
    if (response instanceof Error) {
      // A refusal (425 "cannot open data connection", 550 no such file) or a dropped connection ends the transfer now.
      stopWaiting();
      held = undefined;
      handler(response, t);
      return;
    }
    if (held) {
      held.push(response);
      return;
    }
    if (!connected && (response.code === 150 || response.code === 125)) {
      held = [response];
      return;
    }
    handler(response, t);
  };
  return { handler: gated, stopWaiting };
}
