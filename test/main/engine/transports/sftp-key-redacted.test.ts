import { describe, expect, it } from 'vitest';
import { redact, redactString } from '../../../../main/engine/log/redact.js';

const KEY = ['-----BEGIN OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', '-----END OPENSSH PRIVATE KEY-----'].join('\n');

describe('a pasted SFTP private key in a log', () => {
  it('is redacted wherever it sits: a message, a field not named like a secret, a cut-off text', () => {
    expect(redactString(`refused ${KEY} for dock`)).toBe('refused [redacted private key] for dock');
    expect(JSON.stringify(redact({ input: { privateKey: KEY, passphrase: 'open sesame' } }))).not.toMatch(/b3BlbnNzaC1rZXk|open sesame/);
    expect(redactString(KEY.slice(0, 80))).toBe('[redacted private key]');
  });
});
