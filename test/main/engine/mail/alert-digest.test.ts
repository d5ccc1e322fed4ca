import { afterEach, describe, expect, it } from 'vitest';
import { runAlertMailPass } from '../../../../main/engine/mail/alert-digest.js';
import { startAlertMailJob } from '../../../../main/engine/mail/alert-mail-job.js';
import { systemClock, type Clock } from '../../../../main/engine/platform/ports.js';
import { createDigest } from '../../../../main/engine/store/repositories/alert-mail-repo.js';
import { clearAlert, raiseAlert } from '../../../../main/engine/store/repositories/alerts-repo.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { bodyOf, startSmtpServer, type TestSmtpServer } from '../../../support/smtp-server.js';

const MINUTE = 60_000;

/** A clock that moves only when the test says so. */
function virtualClock(startIso = '2026-12-06T14:00:00.000Z'): Clock & { advance(ms: number): void; iso(): string } {
  let now = Date.parse(startIso);
  return {
    now: () => new Date(now),
    sleep: systemClock.sleep,
    advance(ms) {
      now += ms;
    },
    iso: () => new Date(now).toISOString(),
  };
}

interface World {
  t: TestEngine;
  smtp: TestSmtpServer;
  clock: ReturnType<typeof virtualClock>;
  acme: number;
  beta: number;
  raise(key: string, merchantId: number | null, message: string): Promise<number>;
  clear(key: string): Promise<void>;
  pass(): ReturnType<typeof runAlertMailPass>;
  reopen(): Promise<void>;
}

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) {
    await w.t.close();
    await w.smtp.close();
  }
});

async function world(): Promise<World> {
  const clock = virtualClock();
  const smtp = await startSmtpServer({ user: 'alerts', password: 's3cret', tls: 'none' });
  const t = await startTestEngine({ clock });
  await t.call('account.setup', { mode: 'fulfillment' });
  const acme = (await t.call('merchants.create', { name: 'Acme', code: 'ACME', errorContacts: ['ops@acme.test', 'boss@acme.test'] })).id;
  const beta = (await t.call('merchants.create', { name: 'Beta', code: 'BETA' })).id;
  await t.call('mail.save', {
    settings: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'alerts', from: 'dockhand@wh.test', appUrl: 'http://warehouse-pc:4780' },
    secrets: { password: 's3cret' },
  });
  const w: World = {
    t,
    smtp,
    clock,
    acme,
    beta,
    async raise(key, merchantId, message) {
      return w.t.engine.context.store.write((db) => {
        raiseAlert(db, { key, severity: 'error', targetType: merchantId === null ? undefined : 'merchant', targetId: merchantId ?? undefined, message }, clock.iso());
        return db.get<{ id: number }>('SELECT id FROM alerts WHERE alert_key = ?', [key])!.id;
      });
    },
    clear: (key) => w.t.engine.context.store.write((db) => clearAlert(db, key, clock.iso())),
    pass: () => runAlertMailPass(w.t.engine.context),
    async reopen() {
      await w.t.close({ keepDir: true });
      w.t = await startTestEngine({ clock, dataDir: w.t.dataDir });
    },
  };
  worlds.push(w);
  return w;
}

describe('e-mail alerts: a digest per merchant to its error contacts, at most every 30 minutes, never lost', () => {
  it('groups three new alerts of one merchant into one message to its error contacts, each with its link', async () => {
    const w = await world();
    const ids = [await w.raise('a1', w.acme, 'Order 1001: unknown ship code "EXPRESS"'), await w.raise('a2', w.acme, 'Order 1002: address too long'), await w.raise('a3', w.acme, 'Confirmation file c.csv could not be read')];
    expect(await w.pass()).toMatchObject({ sent: 1, failed: 0 });
    expect(w.smtp.received).toHaveLength(1);
    const mail = w.smtp.received[0];
    expect(mail.to.sort()).toEqual(['boss@acme.test', 'ops@acme.test']);
    expect(mail.from).toBe('dockhand@wh.test');
    expect(mail.raw).toContain('Subject: Dockhand: 3 new alerts for Acme');
    const body = bodyOf(mail);
    expect(body).toContain('Order 1001: unknown ship code "EXPRESS"');
    expect(body).toContain('Order 1002: address too long');
    expect(body).toContain('Confirmation file c.csv could not be read');
    for (const id of ids) expect(body).toContain(`http://warehouse-pc:4780/#/alerts?alert=${id}`);

    const status = await w.t.call('mail.status', {});
    for (const id of ids) expect(status.alerts[id]).toEqual({ state: 'sent', to: ['ops@acme.test', 'boss@acme.test'], sentAt: w.clock.iso() });
  });

  it('leaves out an alert that closed itself before the digest went out, and sends no empty digest', async () => {
    const w = await world();
    await w.raise('gone', w.acme, 'The cart refused the login');
    await w.raise('stays', w.acme, 'Order 1003 is held');
    await w.pass(); // both queued and sent at once: the quiet period is over
    expect(w.smtp.received).toHaveLength(1);

    w.clock.advance(5 * MINUTE);
    await w.raise('later-gone', w.acme, 'Shopify answered 503');
    await w.raise('later-stays', w.acme, 'Order 1004 is held');
    await w.pass(); // queued: the last digest went out 5 minutes ago
    await w.clear('later-gone');
    w.clock.advance(25 * MINUTE);
    await w.pass();
    expect(w.smtp.received).toHaveLength(2);
    const body = bodyOf(w.smtp.received[1]);
    expect(body).toContain('Order 1004 is held');
    expect(body).not.toContain('Shopify answered 503');

    w.clock.advance(5 * MINUTE);
    await w.raise('brief', w.acme, 'A hiccup');
    await w.pass();
    await w.clear('brief');
    w.clock.advance(30 * MINUTE);
    expect(await w.pass()).toMatchObject({ sent: 0, leftOut: 1 });
    expect(w.smtp.received).toHaveLength(2);
  });

  it('sends nothing within 30 minutes of the last digest for the same merchant, then the next digest', async () => {
    const w = await world();
    await w.raise('first', w.acme, 'First problem');
    await w.pass();
    const sentAt = w.clock.now().getTime();
    expect(w.smtp.received).toHaveLength(1);

    w.clock.advance(3 * MINUTE);
    const second = await w.raise('second', w.acme, 'Second problem');
    const other = await w.raise('other-merchant', null, 'The WMS login was refused');
    await w.pass();
    expect(w.smtp.received).toHaveLength(1);
    const status = await w.t.call('mail.status', {});
    expect(status.alerts[second]).toEqual({ state: 'queued', to: ['ops@acme.test', 'boss@acme.test'], sendsAt: new Date(sentAt + 30 * MINUTE).toISOString() });
    expect(status.alerts[other]).toEqual({ state: 'not_mailed', reason: 'Not e-mailed: it is about no merchant, and the mail settings name no account contact' });

    w.clock.advance(26 * MINUTE);
    await w.pass();
    expect(w.smtp.received).toHaveLength(1);
    w.clock.advance(1 * MINUTE);
    await w.pass();
    expect(w.smtp.received).toHaveLength(2);
    expect(w.smtp.received[1].raw).toContain('Subject: Dockhand error for Acme: Second problem');
    expect(bodyOf(w.smtp.received[1])).not.toContain('First problem');
  });

  it('a merchant without error contacts is not mailed, and the Alerts screen says why', async () => {
    const w = await world();
    const id = await w.raise('beta-1', w.beta, 'Beta order held');
    await w.pass();
    expect(w.smtp.received).toHaveLength(0);
    expect((await w.t.call('mail.status', {})).alerts[id]).toEqual({ state: 'not_mailed', reason: 'Not e-mailed: Beta has no error contacts' });
  });

  it('retries a server that answers 451 with backoff, shows the failure, raises its own alert after 3 failures (not mailed), and clears it once sent', async () => {
    const w = await world();
    w.smtp.refuseNext(3, 'Mailbox busy, try again later');
    const id = await w.raise('busy', w.acme, 'Order 1005 is held');
    expect(await w.pass()).toMatchObject({ failed: 1 });
    let status = await w.t.call('mail.status', {});
    expect(status.alerts[id]).toMatchObject({ state: 'failing', attempts: 1, nextTryAt: new Date(w.clock.now().getTime() + MINUTE).toISOString() });
    expect(status.failing).toEqual([
      {
        id: expect.any(Number),
        to: ['ops@acme.test', 'boss@acme.test'],
        about: 'Acme',
        attempts: 1,
        reason: `The SMTP server 127.0.0.1:${w.smtp.port} asked to try again later (it said: 451 Mailbox busy, try again later).`,
        nextTryAt: new Date(w.clock.now().getTime() + MINUTE).toISOString(),
        alerts: 1,
      },
    ]);

    expect(await w.pass()).toMatchObject({ sent: 0, failed: 0 }); // not due yet
    w.clock.advance(MINUTE);
    expect(await w.pass()).toMatchObject({ failed: 1 });
    expect((await w.t.call('alerts.list', {})).some((a) => a.key.startsWith('mail:'))).toBe(false);
    w.clock.advance(2 * MINUTE);
    expect(await w.pass()).toMatchObject({ failed: 1 });
    const failure = (await w.t.call('alerts.list', {})).find((a) => a.key === `mail:failing:merchant:${w.acme}`);
    expect(failure?.message).toBe(
      `E-mail alerts for Acme to ops@acme.test, boss@acme.test failed 3 times: The SMTP server 127.0.0.1:${w.smtp.port} asked to try again later (it said: 451 Mailbox busy, try again later). Dockhand tries again at 2026-12-06 14:07 UTC; check the mail settings.`,
    );
    status = await w.t.call('mail.status', {});
    expect(status.alerts[failure!.id]).toEqual({ state: 'not_mailed', reason: 'Alerts about e-mail itself are not e-mailed' });
    expect(status.failing[0]).toMatchObject({ attempts: 3, nextTryAt: '2026-12-06T14:07:00.000Z' });

    w.clock.advance(3 * MINUTE);
    expect(await w.pass()).toMatchObject({ sent: 0 }); // backoff: 4 minutes after the third failure
    w.clock.advance(MINUTE);
    expect(await w.pass()).toMatchObject({ sent: 1 });
    const sentAt = w.clock.iso();
    expect(w.smtp.received).toHaveLength(1);
    expect(w.smtp.received[0].raw).not.toContain('failed 3 times');
    expect((await w.t.call('alerts.list', {})).some((a) => a.key.startsWith('mail:'))).toBe(false);
    status = await w.t.call('mail.status', {});
    expect(status.failing).toEqual([]);
    expect(status.alerts[id]).toMatchObject({ state: 'sent', sentAt });
  });

  it('saving the mail settings (a person\'s fix) tries a failing digest on the next pass instead of after its backoff', async () => {
    const w = await world();
    w.smtp.refuseNext(4);
    await w.raise('busy', w.acme, 'Order 1006 is held');
    for (const wait of [0, 1, 2, 4]) {
      w.clock.advance(wait * MINUTE);
      expect(await w.pass()).toMatchObject({ failed: 1 });
    }
    expect((await w.t.call('mail.status', {})).failing[0]).toMatchObject({ attempts: 4, nextTryAt: new Date(w.clock.now().getTime() + 8 * MINUTE).toISOString() });
    await w.t.call('mail.save', { settings: { host: '127.0.0.1', port: w.smtp.port, security: 'none', user: 'alerts', from: 'dockhand@wh.test' } });
    expect(await w.pass()).toMatchObject({ sent: 1 });
    expect(w.smtp.received).toHaveLength(1);
  });

  it('turned off, nothing queued or failing is sent, the failure alert clears, and the Alerts screen says e-mail is off', async () => {
    const w = await world();
    w.smtp.refuseNext(3);
    const id = await w.raise('busy', w.acme, 'Order 1007 is held');
    for (const wait of [0, 1, 2]) {
      w.clock.advance(wait * MINUTE);
      await w.pass();
    }
    expect((await w.t.call('alerts.list', {})).some((a) => a.key.startsWith('mail:'))).toBe(true);
    expect(await w.t.call('mail.remove', {})).toEqual({ configured: false, settings: null, hasPassword: false });
    w.clock.advance(60 * MINUTE);
    expect(await w.pass()).toMatchObject({ sent: 0, failed: 0 });
    expect(w.smtp.received).toHaveLength(0);
    expect((await w.t.call('alerts.list', {})).some((a) => a.key.startsWith('mail:'))).toBe(false);
    const status = await w.t.call('mail.status', {});
    expect(status).toMatchObject({ configured: false, failing: [] });
    expect(status.alerts[id]).toEqual({ state: 'not_mailed', reason: 'E-mail alerts are off: no mail server is set up' });
  });

  it('after a restart (the store reopened) a sent digest is not sent again, and alerts still queued go out on time', async () => {
    const w = await world();
    await w.raise('before', w.acme, 'Before the restart');
    await w.pass();
    w.clock.advance(10 * MINUTE);
    const queued = await w.raise('queued', w.acme, 'Queued across the restart');
    await w.pass();
    expect(w.smtp.received).toHaveLength(1);

    await w.reopen();
    await w.pass();
    expect(w.smtp.received).toHaveLength(1);
    expect((await w.t.call('mail.status', {})).alerts[queued]).toMatchObject({ state: 'queued', sendsAt: '2026-12-06T14:30:00.000Z' });
    w.clock.advance(20 * MINUTE);
    await w.pass();
    await w.reopen();
    w.clock.advance(60 * MINUTE);
    await w.pass();
    expect(w.smtp.received).toHaveLength(2);
    expect(bodyOf(w.smtp.received[1])).toContain('Queued across the restart');
    expect(bodyOf(w.smtp.received[1])).not.toContain('Before the restart');
  });

  it('a digest recorded but not marked sent when the process stopped (a crash during the send) goes out after the restart: at least once', async () => {
    const w = await world();
    await w.raise('crash', w.acme, 'Raised before the crash');
    // What the pass writes before it hands the message to the server; the crash comes before the outcome.
    await w.t.engine.context.store.write((db) => {
      db.run(`INSERT INTO alert_mail (alert_id, recipient_group, queued_at) SELECT id, 'merchant:' || ?, ? FROM alerts WHERE alert_key = 'crash'`, [w.acme, w.clock.iso()]);
      createDigest(db, `merchant:${w.acme}`, ['ops@acme.test'], w.clock.iso());
    });
    await w.reopen();
    expect(await w.pass()).toMatchObject({ sent: 1 });
    expect(bodyOf(w.smtp.received[0])).toContain('Raised before the crash');
    w.clock.advance(60 * MINUTE);
    expect(await w.pass()).toMatchObject({ sent: 0 });
    expect(w.smtp.received).toHaveLength(1);
  });

  it('alerts about no merchant (a refused WMS login) go to the account contacts; a merchant\'s own warehouse job problem to the merchant\'s', async () => {
    const w = await world();
    await w.t.call('mail.save', {
      settings: { host: '127.0.0.1', port: w.smtp.port, security: 'none', user: 'alerts', from: 'dockhand@wh.test', accountContacts: ['it@wh.test'] },
    });
    // A refused WMS login is one alert for every merchant (raised by whichever merchant's job met it).
    await w.t.engine.context.store.write((db) =>
      raiseAlert(db, { key: 'auth:wms', severity: 'error', targetType: 'wms', targetId: w.acme, message: 'The WMS server refused the login' }, w.clock.iso()),
    );
    // A setup problem of one merchant's warehouse job is that merchant's.
    await w.t.engine.context.store.write((db) =>
      raiseAlert(db, { key: `config:shipment_pickup:${w.acme}`, severity: 'error', targetType: 'wms', targetId: w.acme, message: 'Acme confirmations folder missing' }, w.clock.iso()),
    );
    await w.pass();
    expect(w.smtp.received).toHaveLength(2);
    const byTo = Object.fromEntries(w.smtp.received.map((m) => [m.to.join(','), bodyOf(m)]));
    expect(byTo['it@wh.test']).toContain('The WMS server refused the login');
    expect(byTo['it@wh.test']).toContain("alert #1 on Dockhand's Alerts screen");
    expect(byTo['it@wh.test']).not.toContain('Acme confirmations folder missing');
    expect(byTo['ops@acme.test,boss@acme.test']).toContain('Acme confirmations folder missing');
  });
});

describe('the e-mail alert job and its history', () => {
  it('runs a pass when asked, stops without writing afterwards, and forgets digests older than 30 days whose alerts closed', async () => {
    const w = await world();
    const job = startAlertMailJob({ ...w.t.engine.context }, { everyMs: 3_600_000 });
    await w.raise('old', w.acme, 'An old problem');
    await job.runNow();
    expect(w.smtp.received).toHaveLength(1);
    await w.clear('old');
    await job.stop();
    await w.raise('after-stop', w.acme, 'Raised after the job stopped');
    await job.runNow();
    expect(w.smtp.received).toHaveLength(1);

    w.clock.advance(31 * 24 * 60 * MINUTE);
    const open = await w.raise('open', w.acme, 'Still open');
    await w.pass();
    const kept = await w.t.engine.context.store.read((db) => ({
      digests: db.all<{ id: number }>('SELECT id FROM alert_mail_digests'),
      rows: db.all<{ alert_id: number }>('SELECT alert_id FROM alert_mail ORDER BY alert_id'),
    }));
    expect(kept.digests).toHaveLength(1);
    // The old alert's row and digest are gone; the two alerts mailed now remain.
    expect(kept.rows.map((r) => r.alert_id)).toEqual([open - 1, open]);
    expect(w.smtp.received).toHaveLength(2);
  });
});
