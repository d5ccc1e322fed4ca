import { parseArgs } from 'node:util';
import { runCrashScenario } from './crash-harness.js';

/**
 * The long crash run: `npm run soak -- --kills 1000 [--orders 400] [--seed N] [--max-kill-delay-ms N]`.
 * Without --max-kill-delay-ms the kill window adapts to how long the runs take on this machine.
 * The same scenario and checks as test/crash/crash-safety.test.ts; prints a summary, exits 1 on any
 * violation (the data dir is kept for the post-mortem).
 */
const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '1000' },
    orders: { type: 'string', default: '400' },
    seed: { type: 'string' },
    'max-kill-delay-ms': { type: 'string' },
    'snapshot-every-ms': { type: 'string', default: '120' },
    /** Percent of kills aimed at an order file upload and the commit after it. */
    'aimed-pct': { type: 'string', default: '20' },
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
  maxKillDelayMs: int('max-kill-delay-ms', values['max-kill-delay-ms']),
  snapshotEveryMs: int('snapshot-every-ms', values['snapshot-every-ms']),
  aimedKillShare: int('aimed-pct', values['aimed-pct'])! / 100,
  keepDataDir: values['keep-data-dir'],
  log: (line) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`),
});

const s = report.stats;
const lines = [
  '',
  `Crash soak: ${report.kills} SIGKILLs in ${s.seconds} s (seed ${report.seed})`,
  `  kills landed during: ${Object.entries(report.killedDuring).map(([k, n]) => `${k} ${n}`).join(', ')}`,
  `  shop orders ${s.shopOrders} (${s.mustConfirm} to confirm); acknowledged runs ${s.acks}`,
  `  runs: ${Object.entries(s.runs).map(([k, n]) => `${k} ${n}`).join(', ')}`,
  `  order files ${s.orderFiles} (${s.orderFileVersions} versions read); confirmation files ${s.confirmationFiles}; fulfillments ${s.fulfillments}`,
  `  snapshots in one child life, at most ${s.maxSnapshotsInOneLife}; engine open ${s.avgOpenMs} ms on average`,
  '',
  ...report.checks.map((c) => `  ${c.violations.length === 0 ? 'ok  ' : 'FAIL'} ${c.name}${c.violations.length ? ` (${c.violations.length})` : ''}`),
  ...report.childProblems.map((p) => `  FAIL ${p}`),
];
for (const c of report.checks) for (const v of c.violations.slice(0, 20)) lines.push(`       - ${v}`);
lines.push('', report.violations.length === 0 ? 'PASS: nothing acknowledged was lost or duplicated' : `FAIL: ${report.violations.length} violation(s); data dir kept: ${report.dataDir}`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = report.violations.length === 0 ? 0 : 1;
