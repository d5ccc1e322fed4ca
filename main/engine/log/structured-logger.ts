import type { Logger, LogLevel } from '../platform/ports.js';
import { buildEntry, levelEnabled, type LogEntry } from './log-entry.js';

/** Where entries go once built (a file, an array). */
export type LogSink = (entry: LogEntry) => void;

export interface StructuredLoggerOptions {
  sink: LogSink;
  level?: LogLevel;
  /** Defaults to the system time; logs are about when things really happened. */
  now?: () => Date;
}

/** The Logger behind both the file and the memory logger: level filter, child fields, redaction. */
export function createStructuredLogger(
  options: StructuredLoggerOptions,
  bound: Record<string, unknown> = {},
): Logger {
  const threshold = options.level ?? 'info';
  const now = options.now ?? (() => new Date());
  return {
    log(level: LogLevel, message: string, fields?: Record<string, unknown>) {
      if (!levelEnabled(level, threshold)) return;
      options.sink(buildEntry(now(), level, message, { ...bound, ...fields }));
    },
    child(fields: Record<string, unknown>) {
      return createStructuredLogger(options, { ...bound, ...fields });
    },
  };
}
