import type { Address } from '../../../../shared/domain.js';

/** An address as it would be written on a label, one part per line. */
export function OrderAddress({ title, address }: { title: string; address: Address }) {
  const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
  const cityLine = [address.city, [address.state, address.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const lines = [name, address.company, address.address1, address.address2, address.address3, cityLine, address.country].filter(Boolean);
  return (
    <section className="order__address" aria-label={title}>
      <h3>{title}</h3>
      {lines.length === 0 ? (
        <p className="muted">No address</p>
      ) : (
        <address>
          {lines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
          {address.phone ? <div className="muted">Phone: {address.phone}</div> : null}
          {address.email ? <div className="muted">E-mail: {address.email}</div> : null}
        </address>
      )}
    </section>
  );
}
