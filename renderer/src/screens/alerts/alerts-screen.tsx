import { useState } from 'react';
import { useRoute } from '../../app/router.js';
import type { AlertView } from '../../../../shared/api-types.js';
import { useApi } from '../../api/hooks.js';
import { Banner, Empty, QueryView } from '../../components/states.js';
import { AlertRow } from './alert-row.js';
import { alertTarget } from './alert-target.js';
import { reconnectTarget } from './reconnect-target.js';
import { FailingAlertMail } from './alert-mail-state.js';
import { linkedAlert, linkedAlertNotice } from './alert-link.js';

/**
 * Open problems, newest first. They clear themselves when solved; Dismiss hides one until it recurs.
 * A link naming an alert (`?alert=<id>`, as alert e-mails send) picks it out, or says it is no longer open.
 */
export function AlertsScreen(_props: object) {
  const { query } = useRoute();
  const alerts = useApi('alerts.list', {});
  // Only for naming the carts and merchants alerts point at; a failure just leaves the ids.
  const carts = useApi('carts.list', {});
  const merchants = useApi('merchants.list', {});
  const platforms = useApi('carts.platforms', {});
  const [dismissed, setDismissed] = useState<AlertView | null>(null);
  const names = { carts: carts.data ?? [], merchants: merchants.data ?? [] };
  return (
    <>
      <div className="page-header">
        <h1>Alerts</h1>
      </div>
      {dismissed ? <Banner kind="success">Dismissed: {dismissed.message}</Banner> : null}
      <FailingAlertMail />
      <QueryView query={alerts} what="Loading alerts">
        {(data) => {
          const linked = linkedAlert(query, data);
          // The alert just dismissed here is gone on purpose: the Dismissed banner says so already.
          const notice = linked?.kind === 'not_open' && linked.id === dismissed?.id ? null : linkedAlertNotice(linked);
          return (
            <>
              {notice ? <Banner kind="info">{notice}</Banner> : null}
              {data.length === 0 ? (
                <Empty title="No open alerts">Problems that need a person show up here, and clear themselves once solved.</Empty>
              ) : (
                <ul className="alerts-list" aria-label="Open alerts">
                  {[...data]
                    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
                    .map((alert) => (
                      <AlertRow
                        key={alert.id}
                        alert={alert}
                        target={alertTarget(alert, names)}
                        onDismissed={setDismissed}
                        linked={linked?.kind === 'open' && linked.id === alert.id}
                        reconnect={reconnectTarget(alert, names.carts, platforms.data ?? [])}
                      />
                    ))}
                </ul>
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
