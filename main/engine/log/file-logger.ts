import { join } from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import type { Logger, LogLevel } from '../platform/ports.js';
import { makePrivateFolder } from './private-folder.js';
import { createStructuredLogger } from './structured-logger.js';

export const LOG_FILE_NAME = 'dockhand.log';

export interface FileLoggerOptions {
  /** The data dir; the log goes to `<dir>/logs/dockhand.log`. */
  dir: string;
  level?: LogLevel;
  /** Rotate once the live file passes this size. Default 10 MB. */
  maxSizeBytes?: number;
  /** Rotated files kept besides the live one (dockhand.log.1 is the newest). Default 5. */
  maxFiles?: number;
}

export interface FileLogger extends Logger {
  /** Flushes what is buffered and closes the file; later entries are dropped. */
  close(): Promise<void>;
}

/** JSON lines, one entry per line, rotated by size (logrotate style numbering). */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const logsDir = join(options.dir, 'logs');
  makePrivateFolder(logsDir);
  const stream: RotatingFileStream = createStream(LOG_FILE_NAME, {
    path: logsDir,
    size: `${Math.max(1, Math.floor(options.maxSizeBytes ?? 10 * 1024 * 1024))}B`,
    rotate: Math.max(1, Math.floor(options.maxFiles ?? 5)),
    mode: 0o600,
  });
  let closed = false;
  let reportedError = false;
  // A log that cannot be written must never take the engine down; say so once on stderr.
  stream.on('error', (err) => {
    closed = true;
    if (!reportedError) {
      reportedError = true;
      process.stderr.write(`dockhand: the log file cannot be written: ${err.message}\n`);
    }
  });
  stream.on('warning', () => {});

  const logger = createStructuredLogger({
    level: options.level ?? 'info',
    sink: (entry) => {
      if (closed) return;
      stream.write(`${JSON.stringify(entry)}\n`);
    },
  });

  let closing: Promise<void> | undefined;
  return {
    log: logger.log,
    child: logger.child,
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        stream.once('close', () => resolve());
        stream.once('error', () => resolve());
        stream.end();
      });
      return closing;
    },
  };
}
