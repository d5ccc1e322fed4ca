import { describe, expect, it } from 'vitest';
import { runCrashScenario } from './crash-harness.js';

/**
 * DESIGN.md "persist before acknowledge" and "a consuming warehouse", proven the hard way: the
 * headless host's process group SIGKILLed at random moments while the scheduler runs and four callers
 * press Run now, against a warehouse that imports and deletes every order file.
 */
const KILLS = 25;

describe('the headless host killed with SIGKILL at random moments', () => {
  it(`loses nothing it acknowledged and delivers and uploads nothing twice across ${KILLS} kills and restarts`, { timeout: 900_000 }, async () => {
    // Over a third of the kills aimed at an order file's upload and rename, where a resend would duplicate.
    const report = await runCrashScenario({ kills: KILLS, orders: 150, aimedKillShare: 0.35 });
    const context = `seed ${report.seed}, data dir ${report.dataDir}, kills landed during ${JSON.stringify(report.killedDuring)}`;
    expect(report.hostProblems, context).toEqual([]);
    for (const check of report.checks) expect(check.violations, `${check.name} (${context})`).toEqual([]);
    // The scenario must have exercised the whole loop, or the checks above prove little.
    expect(report.stats.orderFilesImported, context).toBeGreaterThan(0);
    expect(report.stats.fulfillments, context).toBeGreaterThan(0);
    expect(report.stats.confirmationFiles, context).toBeGreaterThan(0);
    expect(Object.values(report.killedDuring).reduce((a, b) => a + b, 0)).toBe(KILLS);
  });
});
