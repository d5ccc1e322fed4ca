import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../../shared/seeded-random.js';
import { loadSqlJs } from '../../../../../main/engine/store/sqljs-loader.js';
import { SHIP_TIME_SPAN_HOURS } from '../../../../../main/engine/store/migrations/008-dashboard-tallies.js';
import { spanOf } from '../../../../../main/engine/store/repositories/order-tallies.js';

/** The span as SQLite computes it (the expression the tallies used for every shipped order). */
const SQL_SPAN = (() => {
  const hours = '((julianday(?1) - julianday(?2)) * 24)';
  const whens = SHIP_TIME_SPAN_HOURS.map((h, i) => `WHEN ${hours} < ${h} THEN ${i}`).join(' ');
  return `SELECT CASE WHEN julianday(?1) IS NULL OR julianday(?2) IS NULL THEN NULL ${whens} ELSE ${SHIP_TIME_SPAN_HOURS.length} END AS span`;
})();

describe('the ship-time span worked out without SQLite', () => {
  it('is the span SQLite computes for every pair of ISO times, including those a millisecond either side of each bound', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    const stmt = db.prepare(SQL_SPAN);
    const sqlSpan = (a: string, b: string): number | null => {
      stmt.bind([a, b]);
      stmt.step();
      const v = stmt.get()[0] as number | null;
      stmt.reset();
      return v;
    };
    const random = seededRandom(11);
    const pairs: [string, string][] = [];
    for (let i = 0; i < 3000; i++) {
      const ordered = Date.UTC(1990, 0, 1) + Math.floor(random() * 60 * 365 * 86_400_000);
      const bound = SHIP_TIME_SPAN_HOURS[i % SHIP_TIME_SPAN_HOURS.length] * 3_600_000;
      // A quarter anywhere within ten days; the rest a millisecond before, on, or after a bound.
      const shipped = i % 4 === 0 ? ordered + Math.floor(random() * 10 * 86_400_000) : ordered + bound + [-1, 0, 1][i % 3];
      pairs.push([new Date(shipped).toISOString(), new Date(ordered).toISOString()]);
      pairs.push([new Date(shipped).toISOString(), new Date(ordered).toISOString().slice(0, 10)]);
    }
    pairs.push(['2026-11-21T00:00:00.000Z', '2026-11-20'], ['2026-11-20T03:59:59.999Z', '2026-11-20'], ['0050-03-01T00:00:00.000Z', '0050-02-28']);
    for (const [shipped, ordered] of pairs) {
      const mine = spanOf(shipped, ordered);
      expect(mine, `${shipped} - ${ordered}`).not.toBeUndefined();
      expect(mine, `${shipped} - ${ordered}`).toBe(sqlSpan(shipped, ordered));
    }
    stmt.free();
    db.close();
  });

  it('leaves any other text to SQLite: offsets, no milliseconds, dates that do not exist, words', () => {
    for (const odd of ['2026-11-20T10:00:00+01:00', '2026-11-20T10:00:00Z', '2026-11-20 10:00:00', '2026-02-30', '2026-02-30T00:00:00.000Z', 'yesterday', '']) {
      expect(spanOf('2026-11-21T00:00:00.000Z', odd), odd).toBeUndefined();
      expect(spanOf(odd, '2026-11-20T00:00:00.000Z'), odd).toBeUndefined();
    }
  });
});
