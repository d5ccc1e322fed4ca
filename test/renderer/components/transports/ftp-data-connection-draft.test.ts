import { describe, expect, it } from 'vitest';
import { ftpTransportSchema } from '../../../../shared/transports/ftp.js';
import { newTransportDraft, transportDraftFrom, transportSettingsFrom } from '../../../../renderer/src/components/transports/transport-draft.js';

describe('FTP data connection in the transport form', () => {
  const saved = ftpTransportSchema.parse({ kind: 'ftp', host: 'ftp.warehouse.example', user: 'dock', root: '/out' });

  it('starts new FTP settings in passive mode and sends no data connection for passive', () => {
    expect(newTransportDraft().ftpDataConnection).toBe('passive');
    expect(transportSettingsFrom(transportDraftFrom(saved))).not.toHaveProperty('dataConnection');
  });

  it('keeps a chosen active mode through the form and back', () => {
    const draft = { ...transportDraftFrom(saved), ftpDataConnection: 'active' as const };
    const sent = transportSettingsFrom(draft);
    expect(sent).toMatchObject({ kind: 'ftp', dataConnection: 'active' });
    expect(transportDraftFrom(ftpTransportSchema.parse(sent)).ftpDataConnection).toBe('active');
  });

  it('shows old settings saved with passive: false as passive, as they have always run', () => {
    const old = ftpTransportSchema.parse({ kind: 'ftp', host: 'ftp.warehouse.example', user: 'dock', passive: false });
    expect(transportDraftFrom(old).ftpDataConnection).toBe('passive');
  });
});
