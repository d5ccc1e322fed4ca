import { useId } from 'react';
import { SelectField, TextAreaField, TextField } from '../field.js';
import { FieldError } from '../field-error.js';
import { unconfirmedServerKey } from './transport-draft.js';
import type { TransportFieldsProps } from './transport-fields.js';
import './sftp-fields.css';

/**
 * SFTP: server, user, password or private key (with its passphrase), root folder, and the server's key
 * once a person confirmed it. A secret left blank keeps the saved one.
 */
export function SftpFields({ draft, change, errors, hasSavedPassword, testResult, secretsPath = 'secrets', rootHolds = 'the merchant folders below', offerTrust = false }: TransportFieldsProps) {
  const keyTitle = useId();
  // A key the last Test saw that is not the confirmed one, offered here where the result box does not.
  const seen = offerTrust ? unconfirmedServerKey(draft, testResult) : null;
  const keep = hasSavedPassword ? ' A saved one is never shown: leave blank to keep it. Another host or port needs it again.' : '';
  return (
    <>
      <div className="wms-form__row">
        <TextField label="Host" value={draft.host} onValue={(host) => change({ host })} error={errors['settings.transport.host']} placeholder="sftp.warehouse.example" autoComplete="off" />
        <TextField label="Port" type="number" min={1} max={65535} value={draft.port} onValue={(port) => change({ port })} error={errors['settings.transport.port']} className="wms-form__port" />
      </div>
      <TextField label="User" value={draft.user} onValue={(user) => change({ user })} error={errors['settings.transport.user']} autoComplete="off" />
      <SelectField
        label="Sign in with"
        value={draft.sftpAuth}
        onValue={(value) => change({ sftpAuth: value as 'password' | 'key' })}
        error={errors['settings.transport.auth']}
        options={[
          { value: 'password', label: 'Password' },
          { value: 'key', label: 'Private key' },
        ]}
      />
      {draft.sftpAuth === 'password' ? (
        <TextField
          label="Password"
          type="password"
          value={draft.password}
          onValue={(password) => change({ password })}
          error={errors[`${secretsPath}.password`]}
          autoComplete="new-password"
          hint={keep.trim() || undefined}
        />
      ) : (
        <>
          <TextAreaField
            label="Private key"
            value={draft.privateKey}
            onValue={(privateKey) => change({ privateKey })}
            error={errors[`${secretsPath}.privateKey`]}
            rows={6}
            spellCheck={false}
            autoComplete="off"
            className="mono"
            placeholder={'-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----'}
            hint={`Paste the whole key file (OpenSSH or PEM), from its -----BEGIN line to its -----END line. Its public half must be in the user's authorized keys on the server.${keep}`}
          />
          <TextField
            label="Key passphrase"
            type="password"
            value={draft.passphrase}
            onValue={(passphrase) => change({ passphrase })}
            error={errors[`${secretsPath}.passphrase`]}
            autoComplete="new-password"
            hint="Only if the key is protected by a passphrase."
          />
        </>
      )}
      <TextField
        label="Root folder"
        value={draft.root}
        onValue={(root) => change({ root })}
        error={errors['settings.transport.root']}
        hint={`The folder ${rootHolds} live in: from the top of the server (/ or /outbox), or without a leading / inside the folder the user logs in to.`}
      />
      <div className="field" role="group" aria-labelledby={keyTitle}>
        <strong id={keyTitle}>Server key</strong>
        {draft.hostKeyFingerprint ? (
          <>
            <div className="mono">{draft.hostKeyFingerprint}</div>
            <div className="field__hint">Dockhand connects only to a server showing this key. Forget it only when your IT changed the server; the next test shows the new key to confirm.</div>
            <div>
              <button type="button" className="button button--small" onClick={() => change({ hostKeyFingerprint: '' })}>
                Forget the saved key
              </button>
            </div>
          </>
        ) : (
          <div className="field__hint">Not confirmed yet: Test connection shows the server's key, and you confirm it before it is saved.</div>
        )}
        {seen ? (
          <div className="sftp-server-key__seen" role="status">
            <div>
              The test just met the key <code>{seen}</code>. Check it is your server's key (your IT reads it on the server with ssh-keygen -lf).
            </div>
            <button type="button" className="button button--small" onClick={() => change({ hostKeyFingerprint: seen })}>
              Trust this key
            </button>
          </div>
        ) : null}
        <FieldError message={errors['settings.transport.hostKeyFingerprint']} />
      </div>
    </>
  );
}
