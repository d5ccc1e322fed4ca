import { spawn } from 'node:child_process';
import type { HostBundle } from './host-bundle.js';

/**
 * One life of the headless host (main/server/cli.ts) for the crash test: started detached in its own
 * process group, with the engine in its worker thread and the scheduler on, reached over its HTTP API
 * like any script would (POST /api/<method>, the token from the line it prints), and killed with
 * SIGKILL sent to the whole group.
 */

export interface HostEvent {
  type: string;
  data: Record<string, unknown>;
}

export interface HostApi {
  port: number;
  call<T>(method: string, input: unknown): Promise<T>;
  /** Engine events from GET /api/events, from now until the host dies. */
  onEvent(listener: (event: HostEvent) => void): void;
}

export interface HostLife {
  pid: number;
  /** Resolves once the host printed its URL; rejects when it exits before. */
  ready: Promise<HostApi>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The end of what the host wrote to stderr. */
  stderr(): string;
  /** SIGKILL to the host's process group: the host, its worker thread and anything it started. */
  killGroup(): void;
  /** SIGTERM: the host finishes the running step, saves and exits 0. */
  terminate(): void;
}

/** An error answer of the API, with the error body's kind. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

const URL_LINE = /Dockhand is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)/;

export function startHost(bundle: HostBundle, dataDir: string, env: Record<string, string>): HostLife {
  const child = spawn(process.execPath, [bundle.cli, '--port', '0', '--data-dir', dataDir], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, DOCKHAND_TEST_ENGINE: bundle.engineModule },
  });
  const pid = child.pid!;
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  // Requests and the event stream of this life end with it (a killed host answers nothing).
  const lifetime = new AbortController();
  void exited.then(() => lifetime.abort());

  const ready = new Promise<HostApi>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const m = URL_LINE.exec(out);
      if (m) resolve(hostApi(Number(m[1]), m[2], lifetime.signal));
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`the host exited before it was ready (code ${code}, signal ${signal}): ${stderr.trim().slice(-1500)}`)),
    );
  });
  ready.catch(() => {});

  return {
    pid,
    ready,
    exited,
    stderr: () => stderr,
    killGroup() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
      }
    },
    terminate() {
      child.kill('SIGTERM');
    },
  };
}

function hostApi(port: number, token: string, signal: AbortSignal): HostApi {
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${token}` };
  return {
    port,
    async call<T>(method: string, input: unknown): Promise<T> {
      const res = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(input),
        signal,
      });
      const body = (await res.json()) as T & { error?: { kind: string; message: string } };
      if (!res.ok) throw new ApiError(res.status, body.error?.kind ?? 'unknown', `${method}: ${body.error?.message ?? res.statusText}`);
      return body;
    },
    onEvent(listener) {
      void readEvents(`${base}/api/events`, headers, signal, listener).catch(() => {});
    },
  };
}

/** A minimal Server-Sent Events reader: `data:` lines carry the whole event as JSON. */
async function readEvents(url: string, headers: Record<string, string>, signal: AbortSignal, listener: (e: HostEvent) => void): Promise<void> {
  const res = await fetch(url, { headers, signal });
  if (!res.ok || !res.body) return;
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('data:')) continue;
      try {
        listener(JSON.parse(line.slice(5)) as HostEvent);
      } catch {
        // not an event (a partial line cut by the kill)
      }
    }
  }
}
