import { useId } from 'react';
import { ShieldCheck, ShieldAlert } from 'lucide-react';
import type { ServerCertificateView } from '../../../../shared/api-types.js';
import type { PinnedCertificate } from '../../../../shared/schemas/wms.js';
import { FieldError } from '../field-error.js';
import './ftps-certificate.css';

export interface FtpsCertificateProps {
  /** "host:port", as the user reads it. */
  server: string;
  /** The certificate the last Test found untrusted, if any (it wins over the accepted one). */
  offered: ServerCertificateView | undefined;
  /** The accepted certificate for this server, if any. */
  pinned: PinnedCertificate | null;
  onAccept: (certificate: PinnedCertificate) => void;
  onForget: () => void;
  error?: string;
}

/**
 * The FTPS server certificate: the one a Test found untrusted (to check and accept), or the one
 * accepted (to forget). Accepting pins its fingerprint: Dockhand then accepts that certificate from
 * this host and port and no other, and refuses a changed one with an alert naming both fingerprints.
 * Plain props, so any form with an FTPS connection (the WMS, the CSV order source) can show it.
 */
export function FtpsCertificate({ server, offered, pinned, onAccept, onForget, error }: FtpsCertificateProps) {
  const titleId = useId();

  if (offered) {
    const accept = () => onAccept({ sha256: offered.sha256, subject: offered.subject, validTo: offered.validTo });
    return (
      <section className="ftps-certificate ftps-certificate--offered" aria-labelledby={titleId}>
        <h3 id={titleId}>
          <ShieldAlert size={16} aria-hidden="true" />{' '}
          {offered.pinnedSha256 ? 'The server’s certificate has changed' : 'This computer does not trust the server’s certificate'}
        </h3>
        <p>
          It is {offered.problem}. Accept it only if its fingerprint is the one the server’s administrator gives you: Dockhand
          will then accept this certificate from {server} and no other.
        </p>
        <CertificateDetails certificate={offered} />
        <div className="ftps-certificate__actions">
          <button type="button" className="button button--primary" onClick={accept}>
            Accept this certificate
          </button>
        </div>
      </section>
    );
  }

  if (pinned) {
    const expired = pinned.validTo !== '' && new Date(pinned.validTo).getTime() < Date.now();
    return (
      <section className="ftps-certificate" aria-labelledby={titleId}>
        <h3 id={titleId}>
          <ShieldCheck size={16} aria-hidden="true" /> Accepted certificate
        </h3>
        <p>Dockhand connects to {server} only while the server shows this certificate. Save to keep it with the setup.</p>
        <dl className="details">
          <dt>Fingerprint (SHA-256)</dt>
          <dd className="ftps-certificate__fingerprint">
            <Fingerprint sha256={pinned.sha256} />
          </dd>
          {pinned.subject ? (
            <>
              <dt>Issued to</dt>
              <dd>{pinned.subject}</dd>
            </>
          ) : null}
          {pinned.validTo ? (
            <>
              <dt>{expired ? 'Expired on' : 'Expires on'}</dt>
              <dd>{day(pinned.validTo)}</dd>
            </>
          ) : null}
        </dl>
        {expired ? <p>It has expired: it is still accepted, but ask the server’s administrator to renew it, then Test and accept the new one.</p> : null}
        <FieldError message={error} id={`${titleId}-error`} />
        <div className="ftps-certificate__actions">
          <button type="button" className="button" onClick={onForget}>
            Forget this certificate
          </button>
        </div>
      </section>
    );
  }

  return (
    <p className="field__hint">
      A server certificate from a public authority is trusted as it is. If this computer does not trust the server’s certificate (a
      self-signed one is common on warehouse servers), Test shows it here to check and accept.
    </p>
  );
}

function CertificateDetails({ certificate }: { certificate: ServerCertificateView }) {
  return (
    <dl className="details">
      <dt>Fingerprint (SHA-256)</dt>
      <dd className="ftps-certificate__fingerprint">
            <Fingerprint sha256={certificate.sha256} />
          </dd>
      {certificate.pinnedSha256 ? (
        <>
          <dt>Accepted before</dt>
          <dd className="ftps-certificate__fingerprint">
            <Fingerprint sha256={certificate.pinnedSha256} />
          </dd>
        </>
      ) : null}
      <dt>Issued to</dt>
      <dd>{certificate.subject || '(no name)'}</dd>
      <dt>Issued by</dt>
      <dd>{certificate.selfSigned ? 'itself (self-signed)' : certificate.issuer || '(no name)'}</dd>
      <dt>Valid</dt>
      <dd>
        {day(certificate.validFrom)} to {day(certificate.validTo)}
      </dd>
    </dl>
  );
}

/** Colon hex that wraps only between pairs, so no pair is ever split across lines. */
function Fingerprint({ sha256 }: { sha256: string }) {
  const pairs = sha256.split(':');
  return (
    <>
      {pairs.map((pair, i) => (
        <span key={i}>
          {pair}
          {i < pairs.length - 1 ? ':' : ''}
          <wbr />
        </span>
      ))}
    </>
  );
}

/** "2027-12-06" from an ISO date; anything else as given. */
function day(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(iso) ? iso.slice(0, 10) : iso;
}
