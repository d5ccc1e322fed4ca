import type { LogLevel } from '../platform/ports.js';
import { redact, redactString } from './redact.js';

/** One line of the structured log. */
export interface LogEntry {
  /** ISO UTC. */
  time: string;
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export function levelEnabled(level: LogLevel, threshold: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}

/**
 * Builds a redacted entry. time, level and msg come first and cannot be overridden by a field of
 * the same name, so every line can be read the same way.
 */
export function buildEntry(
  time: Date,
  level: LogLevel,
  message: string,
  fields: Record<string, unknown> | undefined,
): LogEntry {
  const core = { time: time.toISOString(), level, msg: redactString(message) };
  const safeFields = fields ? (redact(fields) as Record<string, unknown>) : {};
  return Object.assign({}, core, safeFields, core);
}
