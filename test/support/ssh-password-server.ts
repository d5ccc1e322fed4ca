import type { AddressInfo } from 'node:net';
import ssh2 from 'ssh2';

const { Server, utils } = ssh2;

/**
 * An in-process SSH server (ssh2's Server) for what a real sshd cannot test without system accounts or
 * as root: password login, and a folder the user may not write to. It takes one user and password, and
 * serves a read-only SFTP folder "/" holding one file: a client can log in, list and look, and every
 * write is refused with "permission denied". Every login attempt is recorded with its method.
 */
export interface TestPasswordSshServer {
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  /** The name of the one file the root folder lists. */
  fileName: string;
  /** Every authentication attempt: "none", "password:<what was sent>", "publickey"... */
  readonly attempts: string[];
  stop(): Promise<void>;
}

export async function startPasswordSshServer(options: { user?: string; password?: string } = {}): Promise<TestPasswordSshServer> {
  const user = options.user ?? 'dock';
  const password = options.password ?? 'correct horse';
  const fileName = 'waiting.csv';
  const attempts: string[] = [];
  const hostKey = utils.generateKeyPairSync('ed25519').private;
  const { STATUS_CODE } = utils.sftp;
  const mtime = Math.floor(Date.UTC(2026, 0, 2) / 1000);

  const server = new Server({ hostKeys: [hostKey] }, (client) => {
    client.on('error', () => {});
    client.on('authentication', (ctx) => {
      attempts.push(ctx.method === 'password' ? `password:${ctx.password}` : ctx.method);
      if (ctx.method === 'password' && ctx.username === user && ctx.password === password) ctx.accept();
      else ctx.reject(['password']);
    });
    client.on('ready', () => {
      client.on('session', (accept) => {
        const session = accept();
        session.on('sftp', (acceptSftp) => {
          const sftp = acceptSftp();
          const listed = new Set<string>();
          sftp.on('REALPATH', (reqId) => sftp.name(reqId, [{ filename: '/', longname: 'drwxr-xr-x 2 dock dock 4096 Jan 2 00:00 /', attrs: {} as never }]));
          sftp.on('OPENDIR', (reqId, path) => {
            if (path !== '/') return sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE);
            sftp.handle(reqId, Buffer.from(`dir${reqId}`));
          });
          sftp.on('READDIR', (reqId, handle) => {
            const key = handle.toString();
            if (listed.has(key)) return sftp.status(reqId, STATUS_CODE.EOF);
            listed.add(key);
            sftp.name(reqId, [
              {
                filename: fileName,
                longname: `-rw-r--r-- 1 dock dock 5 Jan 2 00:00 ${fileName}`,
                attrs: { mode: 0o100644, uid: 1000, gid: 1000, size: 5, atime: mtime, mtime },
              },
            ]);
          });
          sftp.on('CLOSE', (reqId) => sftp.status(reqId, STATUS_CODE.OK));
          const look = (reqId: number, path: string) => {
            if (path === '/') return sftp.attrs(reqId, { mode: 0o40555, uid: 1000, gid: 1000, size: 4096, atime: mtime, mtime });
            if (path === `/${fileName}`) return sftp.attrs(reqId, { mode: 0o100444, uid: 1000, gid: 1000, size: 5, atime: mtime, mtime });
            sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE);
          };
          sftp.on('STAT', look);
          sftp.on('LSTAT', look);
          // A read-only folder: opening a file to write, making a folder, renaming are all refused.
          sftp.on('OPEN', (reqId) => sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED));
          sftp.on('MKDIR', (reqId) => sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED));
          sftp.on('RENAME', (reqId) => sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED));
        });
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    fileName,
    attempts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
