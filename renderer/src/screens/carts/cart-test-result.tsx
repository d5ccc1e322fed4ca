import type { TestResultView } from '../../../../shared/api-types.js';

/** What a connection test found: the shop and plan when it works; the refusal and missing scopes when not. */
export function CartTestResult({ result }: { result: TestResultView }) {
  const details = result.details ?? {};
  const shop = typeof details.shop === 'string' ? details.shop : null;
  const plan = typeof details.plan === 'string' ? details.plan : null;
  const missing = result.missingScopes ?? [];
  return (
    <div className={`banner banner--${result.ok ? 'success' : 'error'} cart-test-result`} role={result.ok ? 'status' : 'alert'}>
      <strong>{result.ok ? 'The connection works.' : 'The connection test failed.'}</strong> {result.message}
      {shop || plan ? (
        <dl className="details cart-test-result__details">
          {shop ? (
            <>
              <dt>Shop</dt>
              <dd>{shop}</dd>
            </>
          ) : null}
          {plan ? (
            <>
              <dt>Plan</dt>
              <dd>{plan}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {missing.length > 0 ? (
        <div className="cart-test-result__scopes">
          Missing access scopes:{' '}
          {missing.map((scope) => (
            <code key={scope} className="mono">
              {scope}
            </code>
          ))}
          . Add them to the app in the shop's admin, reinstall it, and test again.
        </div>
      ) : null}
    </div>
  );
}
