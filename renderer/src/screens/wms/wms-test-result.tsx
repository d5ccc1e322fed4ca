import type { TestResultView } from '../../../../shared/api-types.js';

/** What the WMS test found: connected and folders ready, or the refusal (login, host, folder). */
export function WmsTestResult({ result }: { result: TestResultView }) {
  const details = Object.entries(result.details ?? {});
  return (
    <div className={`banner banner--${result.ok ? 'success' : 'error'} wms-test-result`} role={result.ok ? 'status' : 'alert'}>
      <strong>{result.ok ? 'The WMS connection works.' : 'The WMS connection test failed.'}</strong> {result.message}
      {result.certificate ? (
        <p className="wms-test-result__certificate">
          The certificate is shown under Connection, with its fingerprint: compare it with the one the server’s administrator gives you, then
          accept it and Test again.
        </p>
      ) : null}
      {details.length > 0 ? (
        <dl className="details wms-test-result__details">
          {details.map(([key, value]) => (
            <div key={key} className="wms-folder-preview__row">
              <dt>{key}</dt>
              <dd>{Array.isArray(value) ? value.join(', ') : value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
