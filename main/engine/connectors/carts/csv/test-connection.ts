import type { CsvCartSettings } from '../../../../../shared/platforms/csv.js';
import { describeTransport } from '../../../../../shared/transports/index.js';
import { offeredCertificate } from '../../../transports/ftp-certificate.js';
import type { Transport } from '../../../transports/transport.js';
import type { ConnectionTestResult } from '../cart-connector.js';

/**
 * Test: list the order folder (a missing one is named, never created: a typo must not hide behind an
 * empty new folder), then make sure the archive, tracking and stock folders can be used (created if
 * missing, as the first file would create them). The transport's errors already say what is wrong
 * (login refused, no such folder, no permission) and where.
 */
export async function testCsvSource(settings: CsvCartSettings, transport: Transport): Promise<ConnectionTestResult> {
  const where = describeSource(settings);
  let waiting: number;
  try {
    waiting = (await transport.list(settings.folder)).length;
  } catch (err) {
    return withCertificate({ ok: false, message: `The order folder ${where} cannot be read: ${err instanceof Error ? err.message : String(err)}` }, err);
  }
  const writable = [settings.archiveFolder, settings.trackingFolder, settings.stockFolder].filter((f) => f !== '');
  try {
    await transport.test(writable);
  } catch (err) {
    return withCertificate({ ok: false, message: `The order folder ${where} can be read, but not every folder Dockhand writes to: ${err instanceof Error ? err.message : String(err)}` }, err);
  }
  const files = waiting === 1 ? '1 file waits' : `${waiting} files wait`;
  // A Test may connect to an SFTP server nobody vouched for yet; downloads will not until its key is trusted.
  const untrusted = settings.transport.kind === 'sftp' && !settings.transport.hostKeyFingerprint ? ". The server's key is not trusted yet: trust it, then save, or downloads are refused" : '';
  return { ok: true, message: `Connected to ${where}: ${files} to be read${untrusted}`, details: { folders: writable } };
}

/** An untrusted FTPS certificate comes back with the Test, for the person to look at and accept. */
function withCertificate(result: ConnectionTestResult, err: unknown): ConnectionTestResult {
  const certificate = offeredCertificate(err);
  return certificate ? { ...result, certificate } : result;
}

export function describeSource(settings: CsvCartSettings): string {
  const t = settings.transport;
  const folder = settings.folder === '' ? '' : `/${settings.folder}`;
  if (t.kind === 'folder') return `${t.path.replace(/[\\/]+$/, '')}${folder}`;
  if (t.kind !== 'ftp') return `${describeTransport(t).replace(/\/+$/, '')}${folder}`;
  const scheme = t.security === 'explicit' ? 'ftps' : 'ftp';
  const root = t.root === '/' ? '' : t.root.replace(/\/+$/, '');
  return `${scheme}://${t.host}:${t.port}${root}${folder}`;
}
