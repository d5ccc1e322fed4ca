import { describe, expect, it } from 'vitest';
import { ftpTransportSchema } from '../../../shared/schemas/wms.js';
import { validate } from '../../../renderer/src/components/form-errors.js';

const ftps = { kind: 'ftp', host: 'ftp.warehouse.test', user: 'dockhand', security: 'explicit' };
const FINGERPRINT = '5C:3D:9F:4E:39:C9:7B:C4:7F:7C:14:10:1A:AC:E8:B0:2B:17:55:64:F8:5E:FA:2C:D1:FD:FA:A8:A1:B2:49:B4';

describe('the FTPS certificate in the FTP settings', () => {
  it('keeps an accepted certificate as its fingerprint in capitals, with its subject and expiry', () => {
    const parsed = ftpTransportSchema.parse({ ...ftps, pinnedCertificate: { sha256: ` ${FINGERPRINT.toLowerCase()} `, subject: 'CN=ftp.warehouse.test', validTo: '2027-01-05T00:00:00.000Z' } });
    expect(parsed.pinnedCertificate).toEqual({ sha256: FINGERPRINT, subject: 'CN=ftp.warehouse.test', validTo: '2027-01-05T00:00:00.000Z' });
  });

  it('refuses a fingerprint that is not 32 colon-separated hex pairs, saying what to do, on its field', () => {
    const checked = validate(ftpTransportSchema, { ...ftps, pinnedCertificate: { sha256: FINGERPRINT.replaceAll(':', '') } });
    expect(checked).toEqual({
      ok: false,
      errors: { 'pinnedCertificate.sha256': 'The certificate fingerprint is 32 pairs of hex digits separated by colons: run Test again and accept the certificate it shows' },
    });
  });

  it('still reads settings saved before pinning: "any self-signed certificate" and active mode load, with no certificate accepted', () => {
    const parsed = ftpTransportSchema.parse({ ...ftps, allowSelfSigned: true, passive: false });
    expect(parsed).toMatchObject({ allowSelfSigned: true, passive: false });
    expect(parsed.pinnedCertificate).toBeUndefined();
  });
});
