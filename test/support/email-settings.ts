/**
 * The e-mail transport's settings for the test servers on loopback (the in-process SMTP server and
 * Dovecot), plain on both sides, as a person would type them; `over` on top. Unparsed: a test that saves
 * them through the API sends exactly this, one that builds a transport parses it first.
 */
export function loopbackEmailSettings(
  servers: { smtpPort: number; imapPort: number; imapUser: string; smtpUser?: string },
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    kind: 'email',
    smtpHost: '127.0.0.1',
    smtpPort: servers.smtpPort,
    smtpSecurity: 'none',
    ...(servers.smtpUser === undefined ? {} : { smtpUser: servers.smtpUser }),
    from: 'dockhand@shop.example',
    to: ['orders@wms.example'],
    imapHost: '127.0.0.1',
    imapPort: servers.imapPort,
    imapSecurity: 'none',
    imapUser: servers.imapUser,
    ...over,
  };
}
