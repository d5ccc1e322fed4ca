import { runCrashScenario } from '/work/main/test/crash/crash-harness.ts';
const t0 = Date.now();
const r = await runCrashScenario({ kills: Number(process.argv[2] ?? 0), orders: 60, seed: 7, log: (l) => console.log(Date.now() - t0, l) });
console.log(Date.now() - t0, JSON.stringify(r.stats), r.violations.slice(0, 5));
