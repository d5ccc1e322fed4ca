import { describe, expect, it } from 'vitest';
import { runCrashScenario } from './crash-harness.js';

/** DESIGN.md "persist before acknowledge", proven the hard way: SIGKILL at random moments of a real sync. */
const KILLS = 30;

describe('a real sync killed with SIGKILL at random moments', () => {
  it(`loses and duplicates nothing it acknowledged across ${KILLS} kills and restarts`, { timeout: 600_000 }, async () => {
    // A third of the kills aimed at an order file landing on the server, where persist-before-acknowledge is tightest.
    const report = await runCrashScenario({ kills: KILLS, orders: 150, aimedKillShare: 0.3 });
    const context = `seed ${report.seed}, data dir ${report.dataDir}, kills landed during ${JSON.stringify(report.killedDuring)}`;
    expect(report.childProblems, context).toEqual([]);
    for (const check of report.checks) expect(check.violations, `${check.name} (${context})`).toEqual([]);
    // The scenario must have exercised the whole loop, or the checks above prove little.
    expect(report.stats.fulfillments, context).toBeGreaterThan(0);
    expect(report.stats.confirmationFiles, context).toBeGreaterThan(0);
    expect(Object.values(report.killedDuring).reduce((a, b) => a + b, 0)).toBe(KILLS);
  });
});
