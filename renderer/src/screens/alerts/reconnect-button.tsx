import { RefreshCw } from 'lucide-react';
import { useApiMutation } from '../../api/hooks.js';
import { navigate } from '../../app/router.js';
import { FieldError } from '../../components/field-error.js';
import { openConsentPage } from '../carts/connection/open-consent.js';

/**
 * Reconnect on a refused grant's alert: starts the consent flow, opens the consent page, and goes to the
 * cart's screen, whose Connection box follows the consent (and takes a pasted landing address).
 */
export function ReconnectButton({ cartId, platformName }: { cartId: number; platformName: string }) {
  const start = useApiMutation('consent.start', {
    onSuccess: (started) => {
      if (started.flow?.consentUrl) openConsentPage(started.flow.consentUrl);
      navigate(`/carts/${cartId}`);
    },
  });
  return (
    <>
      <button
        type="button"
        className="button button--small button--primary"
        disabled={start.isPending}
        title={`Grant access again on ${platformName}'s consent page`}
        onClick={() => start.mutate({ cartId })}
      >
        <RefreshCw size={14} aria-hidden="true" />
        {start.isPending ? 'Starting…' : 'Reconnect'}
      </button>
      <FieldError message={start.error?.message} />
    </>
  );
}
