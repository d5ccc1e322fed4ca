import { parseArgs } from 'node:util';
import { runCrashScenario } from './crash-harness.js';

/**
 * The long crash run: `npm run soak -- --kills 1000 [--orders 400] [--seed N] [--callers 4]
 * [--max-kill-delay-ms N] [--aimed-pct 25] [--minute-ms 20]`.
 * The same scenario and checks as test/crash/crash-safety.test.ts: the headless host killed (its whole
 * process group) again and again while callers press Run now, against a warehouse that imports and
 * deletes each order file. Prints a summary, exits 1 on any violation (the data dir is kept for the
 * post-mortem).
 */
const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '1000' },
    orders: { type: 'string', default: '400' },
    seed: { type: 'string' },
    callers: { type: 'string', default: '4' },
    'max-kill-delay-ms': { type: 'string' },
    /** Percent of kills aimed at an order file's upload and rename. */
    'aimed-pct': { type: 'string', default: '25' },
    'minute-ms': { type: 'string' },
    'keep-data-dir': { type: 'boolean', default: false },
  },
});

const int = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`--${name} needs a whole number, got ${text}\n`);
    process.exit(2);
  }
  return n;
};

const report = await runCrashScenario({
  kills: int('kills', values.kills)!,
  orders: int('orders', values.orders),
  seed: int('seed', values.seed),
  callers: int('callers', values.callers),
  maxKillDelayMs: int('max-kill-delay-ms', values['max-kill-delay-ms']),
  aimedKillShare: int('aimed-pct', values['aimed-pct'])! / 100,
  minuteMs: int('minute-ms', values['minute-ms']),
  keepDataDir: values['keep-data-dir'],
  log: (line) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`),
});

const s = report.stats;
const lines = [
  '',
  `Crash soak: ${report.kills} SIGKILLs of the headless host's process group in ${s.seconds} s (seed ${report.seed})`,
  `  kills landed during: ${Object.entries(report.killedDuring).map(([k, n]) => `${k} ${n}`).join(', ')}`,
  `  shop orders ${s.shopOrders} (${s.mustConfirm} to confirm); answers acknowledged ${s.acks}`,
  `  runs answered: ${Object.entries(s.runs).map(([k, n]) => `${k} ${n}`).join(', ')}`,
  `  order files imported and deleted by the warehouse ${s.orderFilesImported} (${s.importedAtRename} at the instant of their rename); ` +
    `orders delivered twice ${s.ordersDeliveredTwice}`,
  `  confirmation files ${s.confirmationFiles}; fulfillments ${s.fulfillments}; host start ${s.avgStartMs} ms on average`,
  '',
  ...report.checks.map((c) => `  ${c.violations.length === 0 ? 'ok  ' : 'FAIL'} ${c.name}${c.violations.length ? ` (${c.violations.length})` : ''}`),
  ...report.hostProblems.map((p) => `  FAIL ${p}`),
];
for (const c of report.checks) for (const v of c.violations.slice(0, 20)) lines.push(`       - ${v}`);
lines.push('', report.violations.length === 0 ? 'PASS: nothing acknowledged was lost, nothing delivered or uploaded twice' : `FAIL: ${report.violations.length} violation(s); data dir kept: ${report.dataDir}`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = report.violations.length === 0 ? 0 : 1;
