import type { TestResultView } from '../../../../shared/api-types.js';

/**
 * What the WMS test found: connected and folders ready, or the refusal (login, host, folder). An SFTP
 * server's key is shown on its own, with a way to confirm it when it is not the saved one.
 */
export function WmsTestResult({ result, savedKey, onTrustKey }: { result: TestResultView; savedKey?: string; onTrustKey?: (fingerprint: string) => void }) {
  const { hostKeyFingerprint, ...rest } = result.details ?? {};
  const details = Object.entries(rest);
  const serverKey = typeof hostKeyFingerprint === 'string' ? hostKeyFingerprint : undefined;
  return (
    <div className={`banner banner--${result.ok ? 'success' : 'error'} wms-test-result`} role={result.ok ? 'status' : 'alert'}>
      <strong>{result.ok ? 'The WMS connection works.' : 'The WMS connection test failed.'}</strong> {result.message}
      {result.certificate ? (
        <p className="wms-test-result__certificate">
          The certificate is shown under Connection, with its fingerprint: compare it with the one the server’s administrator gives you, then
          accept it and Test again.
        </p>
      ) : null}
      {details.length > 0 || serverKey ? (
        <dl className="details wms-test-result__details">
          {details.map(([key, value]) => (
            <div key={key} className="wms-folder-preview__row">
              <dt>{key}</dt>
              <dd>{Array.isArray(value) ? value.join(', ') : value}</dd>
            </div>
          ))}
          {serverKey ? (
            <div className="wms-folder-preview__row">
              <dt>Server key</dt>
              <dd>
                <code>{serverKey}</code>{' '}
                {savedKey === serverKey ? (
                  <span>(the confirmed key)</span>
                ) : result.ok && onTrustKey ? (
                  <>
                    <button type="button" className="button button--small" onClick={() => onTrustKey(serverKey)}>
                      Trust this key
                    </button>
                    <div>Not confirmed yet: check it is your server's key (your IT reads it on the server with ssh-keygen -lf). Save asks you to trust it too.</div>
                  </>
                ) : null}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}
