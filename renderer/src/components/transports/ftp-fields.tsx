import { CheckboxField, SelectField, TextField } from '../field.js';
import { ftpServerKey, pinnedCertificateFor } from './transport-draft.js';
import { FtpsCertificate } from './ftps-certificate.js';
import type { TransportFieldsProps } from './transport-fields.js';

/**
 * FTP and explicit FTPS (AUTH TLS): server, login, root, and for FTPS the server certificate to accept.
 * Data connection: passive by default; active only for the rare server that offers no passive mode.
 */
export function FtpFields({ draft, change, errors, hasSavedPassword, testResult, secretsPath = 'secrets', rootHolds = 'the merchant folders below' }: TransportFieldsProps) {
  const tls = draft.transport === 'ftps';
  const server = ftpServerKey(draft.host, draft.port);
  return (
    <>
      <div className="wms-form__row">
        <TextField
          label="Host"
          value={draft.host}
          onValue={(host) => change({ host })}
          error={errors['settings.transport.host']}
          placeholder="ftp.warehouse.example"
          autoComplete="off"
          hint="The server’s name or address, such as ftp.warehouse.example."
        />
        <TextField label="Port" type="number" min={1} max={65535} value={draft.port} onValue={(port) => change({ port })} error={errors['settings.transport.port']} className="wms-form__port" />
      </div>
      <CheckboxField
        label="Anonymous login"
        checked={draft.anonymous}
        onChecked={(anonymous) => change({ anonymous })}
        hint="Logs in as “anonymous” with no password, where the server allows it."
      />
      {draft.anonymous ? null : (
        <>
          <TextField label="User" value={draft.user} onValue={(user) => change({ user })} error={errors['settings.transport.user']} autoComplete="off" />
          <TextField
            label="Password"
            type="password"
            value={draft.password}
            onValue={(password) => change({ password })}
            error={errors[`${secretsPath}.password`]}
            autoComplete="new-password"
            hint={
              hasSavedPassword
                ? 'A password is saved and is never shown. Leave blank to keep it; type a new one to replace it. Another host, port or security needs it typed again.'
                : undefined
            }
          />
        </>
      )}
      <TextField
        label="Root folder"
        value={draft.root}
        onValue={(root) => change({ root })}
        error={errors['settings.transport.root']}
        hint={`The folder on the server that ${rootHolds} live in, from the top of the server: / or /outbox.`}
      />
      <SelectField
        label="Data connection"
        value={draft.ftpDataConnection}
        onValue={(value) => change({ ftpDataConnection: value === 'active' ? 'active' : 'passive' })}
        error={errors['settings.transport.dataConnection']}
        options={[
          { value: 'passive', label: 'Passive (usual)' },
          { value: 'active', label: 'Active' },
        ]}
        hint="Active: the server connects back to this computer; use it only when the server offers no passive mode; a firewall on this computer must allow it."
      />
      {tls ? (
        <FtpsCertificate
          server={server}
          offered={testResult?.certificate}
          pinned={pinnedCertificateFor(draft)}
          onAccept={(pinnedCertificate) => change({ pinnedCertificate, pinnedFor: server })}
          onForget={() => change({ pinnedCertificate: null, pinnedFor: '' })}
          error={errors['settings.transport.pinnedCertificate.sha256']}
        />
      ) : null}
    </>
  );
}
