import { MAIL_SECURITY_LABELS, MAIL_SECURITY, type MailSecurity } from '../../../../shared/schemas/mail.js';
import { IMAP_SECURITY, type ImapSecurity } from '../../../../shared/transports/email.js';
import { SelectField, TextAreaField, TextField } from '../field.js';
import { emailDraftChange, imapSecurityChange, smtpSecurityChange, type EmailDraft } from './email-draft.js';
import { FtpsCertificate } from './ftps-certificate.js';
import type { TransportFieldsProps } from './transport-fields.js';
import './email-fields.css';

const IMAP_SECURITY_LABELS: Record<ImapSecurity, string> = {
  none: 'None (plain IMAP, nothing encrypted)',
  starttls: 'STARTTLS (usually port 143)',
  tls: 'TLS (usually port 993)',
};

const SAVED_PASSWORD_HINT = 'A password is saved and is never shown. Leave blank to keep it. Another server, port or security needs both passwords typed again.';

/**
 * E-mail: order files go to the WMS's addresses over SMTP, confirmation and inventory files are read
 * from IMAP folders (the Folders section names them, such as INBOX). Errors sit on their own field:
 * "settings.transport.smtpHost", "secrets.imapPassword", and "settings.transport.to" (or one address of it).
 */
export function EmailFields({ draft, change, errors, hasSavedPassword, testResult, secretsPath = 'secrets' }: TransportFieldsProps) {
  const d = draft.email;
  const set = (patch: Partial<EmailDraft>) => change({ email: emailDraftChange(d, patch) });
  // A Test refuses one server's certificate at a time, and says which: each side shows only its own.
  const offered = (side: 'smtp' | 'imap') => (testResult?.certificate?.connection === side ? testResult.certificate : undefined);
  const err = (field: string) => errors[`settings.transport.${field}`];
  const toError = err('to') ?? Object.entries(errors).find(([k]) => k.startsWith('settings.transport.to.'))?.[1];
  return (
    <div className="email-fields">
      <fieldset className="email-fields__side">
        <legend>Sending order files (SMTP)</legend>
        <div className="wms-form__row">
          <TextField label="SMTP host" value={d.smtpHost} onValue={(smtpHost) => set({ smtpHost })} error={err('smtpHost')} placeholder="smtp.example.com" autoComplete="off" />
          <TextField label="SMTP port" type="number" min={1} max={65535} value={d.smtpPort} onValue={(smtpPort) => set({ smtpPort })} error={err('smtpPort')} className="wms-form__port" />
        </div>
        <SelectField
          label="SMTP security"
          value={d.smtpSecurity}
          onValue={(v) => set(smtpSecurityChange(d, v as MailSecurity))}
          options={MAIL_SECURITY.map((value) => ({ value, label: MAIL_SECURITY_LABELS[value] }))}
          error={err('smtpSecurity')}
        />
        <TextField
          label="SMTP user"
          value={d.smtpUser}
          onValue={(smtpUser) => set({ smtpUser })}
          error={err('smtpUser')}
          autoComplete="off"
          hint="Leave empty for a server that takes mail without a login (a relay on your network)."
        />
        {d.smtpUser.trim() === '' ? null : (
          <TextField
            label="SMTP password"
            type="password"
            value={d.smtpPassword}
            onValue={(smtpPassword) => set({ smtpPassword })}
            error={errors[`${secretsPath}.smtpPassword`]}
            autoComplete="new-password"
            hint={hasSavedPassword ? SAVED_PASSWORD_HINT : undefined}
          />
        )}
        <TextField label="Sender address" value={d.from} onValue={(from) => set({ from })} error={err('from')} placeholder="dockhand@example.com" autoComplete="off" hint="Many servers take only the login’s own address as sender." />
        <TextAreaField
          label="WMS addresses"
          value={d.to}
          onValue={(to) => set({ to })}
          error={toError}
          rows={2}
          placeholder="orders@wms.example.com"
          hint="Where each order file is mailed, one message per file with the file name in the subject. Separate several with commas."
        />
        {d.smtpSecurity === 'none' ? null : (
          <FtpsCertificate
            server={`${d.smtpHost}:${d.smtpPort}`}
            offered={offered('smtp')}
            pinned={d.smtpPinnedCertificate}
            onAccept={(smtpPinnedCertificate) => set({ smtpPinnedCertificate })}
            onForget={() => set({ smtpPinnedCertificate: null })}
            error={err('smtpPinnedCertificate.sha256')}
          />
        )}
      </fieldset>

      <fieldset className="email-fields__side">
        <legend>Reading confirmations and inventory (IMAP)</legend>
        <div className="wms-form__row">
          <TextField label="IMAP host" value={d.imapHost} onValue={(imapHost) => set({ imapHost })} error={err('imapHost')} placeholder="imap.example.com" autoComplete="off" />
          <TextField label="IMAP port" type="number" min={1} max={65535} value={d.imapPort} onValue={(imapPort) => set({ imapPort })} error={err('imapPort')} className="wms-form__port" />
        </div>
        <SelectField
          label="IMAP security"
          value={d.imapSecurity}
          onValue={(v) => set(imapSecurityChange(d, v as ImapSecurity))}
          options={IMAP_SECURITY.map((value) => ({ value, label: IMAP_SECURITY_LABELS[value] }))}
          error={err('imapSecurity')}
        />
        <TextField label="IMAP user" value={d.imapUser} onValue={(imapUser) => set({ imapUser })} error={err('imapUser')} autoComplete="off" hint="Often the mailbox’s e-mail address." />
        <TextField
          label="IMAP password"
          type="password"
          value={d.imapPassword}
          onValue={(imapPassword) => set({ imapPassword })}
          error={errors[`${secretsPath}.imapPassword`]}
          autoComplete="new-password"
          hint={hasSavedPassword ? SAVED_PASSWORD_HINT : undefined}
        />
        <TextField
          label="Attachment names"
          value={d.attachmentPattern}
          onValue={(attachmentPattern) => set({ attachmentPattern })}
          error={err('attachmentPattern')}
          placeholder="*.csv"
          hint="Which attachments are files: * stands for any text, such as *.csv or stock-*.txt. Other attachments are ignored."
        />
        <div className="wms-form__row email-fields__folders">
          <TextField
            label="Processed folder"
            value={d.processedFolder}
            onValue={(processedFolder) => set({ processedFolder })}
            error={err('processedFolder')}
            hint="A message goes here once its files are applied."
          />
          <TextField label="Error folder" value={d.errorFolder} onValue={(errorFolder) => set({ errorFolder })} error={err('errorFolder')} hint="A message whose file cannot be read goes here, with an alert." />
        </div>
        {d.imapSecurity === 'none' ? null : (
          <FtpsCertificate
            server={`${d.imapHost}:${d.imapPort}`}
            offered={offered('imap')}
            pinned={d.imapPinnedCertificate}
            onAccept={(imapPinnedCertificate) => set({ imapPinnedCertificate })}
            onForget={() => set({ imapPinnedCertificate: null })}
            error={err('imapPinnedCertificate.sha256')}
          />
        )}
        <p className="field__hint">
          The folders under Folders are IMAP folders: confirmations and inventory are read there (such as INBOX or INBOX/confirmations), and the orders folder
          keeps a copy of every order file sent. Give confirmations and inventory a folder each (a mail rule can sort them), and leave the done-marker empty: a
          message arrives whole. Test creates missing folders.
        </p>
      </fieldset>
    </div>
  );
}
