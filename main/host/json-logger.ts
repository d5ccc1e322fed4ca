import { createWriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createStructuredLogger } from '../engine/log/index.js';
import { makePrivateFolder } from '../engine/log/private-folder.js';
import type { Logger, LogLevel } from '../engine/platform/ports.js';

/**
 * The host thread's own log (`<dataDir>/logs/server.log`): the same JSON lines and redaction as the
 * engine's log (main/engine/log), in a file of its own because the engine's rotating file belongs to
 * the worker thread and two writers would rotate it under each other.
 */

export interface JsonFileLogger extends Logger {
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

export interface JsonLoggerOptions {
  file: string;
  level?: LogLevel;
  /** Also echo warnings and errors to stderr (the terminal a person started the host from). */
  echoErrors?: boolean;
}

export function createJsonFileLogger(options: JsonLoggerOptions): JsonFileLogger {
  makePrivateFolder(dirname(options.file));
  const stream = createWriteStream(options.file, { flags: 'a', mode: 0o600 });
  // A log that cannot be written must not take the host down with it.
  stream.on('error', () => {});
  let closed = false;

  const logger = createStructuredLogger({
    level: options.level ?? 'info',
    sink: (entry) => {
      if (closed) return;
      const line = `${JSON.stringify(entry)}\n`;
      stream.write(line);
      if (options.echoErrors && (entry.level === 'warn' || entry.level === 'error')) process.stderr.write(line);
    },
  });

  return {
    log: logger.log,
    child: logger.child,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        stream.end(() => resolve());
      }),
  };
}
