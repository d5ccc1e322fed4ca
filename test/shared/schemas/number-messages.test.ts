import { describe, expect, it } from 'vitest';
import { demoSettingsSchema } from '../../../shared/schemas/demo.js';
import { ftpTransportSchema } from '../../../shared/schemas/wms.js';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('number fields say what to enter, in words a warehouse manager reads', () => {
  const ftp = { kind: 'ftp', host: 'ftp.example.com', user: 'dockhand' };

  it('a port that is not a number names the range and the usual port', () => {
    expect(messages(ftpTransportSchema.safeParse({ ...ftp, port: Number.NaN }))).toEqual([
      'port: Enter the port: a whole number from 1 to 65535 (FTP is usually 21)',
    ]);
    expect(messages(ftpTransportSchema.safeParse({ ...ftp, port: 70_000 }))).toEqual(['port: The port is a number from 1 to 65535']);
    expect(messages(ftpTransportSchema.safeParse({ ...ftp, port: 21.5 }))).toEqual(['port: Enter a whole number from 1 to 65535']);
  });

  it('a port left out is 21', () => {
    expect(ftpTransportSchema.parse(ftp).port).toBe(21);
  });

  it("the demo store's numbers name their range", () => {
    expect(messages(demoSettingsSchema.safeParse({ ordersPerRun: Number.NaN }))).toEqual([
      'ordersPerRun: Enter how many orders each download invents, from 0 to 1000',
    ]);
    expect(messages(demoSettingsSchema.safeParse({ ordersPerRun: 5000 }))).toEqual(['ordersPerRun: Enter a number from 0 to 1000']);
    expect(messages(demoSettingsSchema.safeParse({ seed: 'x' }))).toEqual(['seed: Enter a whole number for the seed']);
  });
});
