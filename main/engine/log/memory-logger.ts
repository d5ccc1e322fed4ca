import type { Logger, LogLevel } from '../platform/ports.js';
import type { LogEntry } from './log-entry.js';
import { createStructuredLogger } from './structured-logger.js';

export interface MemoryLogger extends Logger {
  /** Every entry logged so far, by this logger and its children, already redacted. */
  readonly entries: LogEntry[];
  clear(): void;
}

/** For tests: keeps entries in an array, with the same level filter and redaction as the file logger. */
export function createMemoryLogger(options: { level?: LogLevel; now?: () => Date } = {}): MemoryLogger {
  const entries: LogEntry[] = [];
  const logger = createStructuredLogger({
    level: options.level ?? 'debug',
    now: options.now,
    sink: (entry) => entries.push(entry),
  });
  return {
    entries,
    clear: () => void entries.splice(0, entries.length),
    log: logger.log,
    child: logger.child,
  };
}
