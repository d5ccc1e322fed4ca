export { redact, redactString, isSecretKey, REDACTED } from './redact.js';
export { createFileLogger, LOG_FILE_NAME, type FileLogger, type FileLoggerOptions } from './file-logger.js';
export { createMemoryLogger, type MemoryLogger } from './memory-logger.js';
export { createStructuredLogger, type LogSink, type StructuredLoggerOptions } from './structured-logger.js';
export { LOG_LEVELS, levelEnabled, type LogEntry } from './log-entry.js';
