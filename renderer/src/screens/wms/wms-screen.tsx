import { useState } from 'react';
import { useApi } from '../../api/hooks.js';
import { Empty, QueryView } from '../../components/states.js';
import { WmsForm } from './wms-form.js';

/** `#/wms`: the account's one warehouse system, with an introduction the first time. */
export function WmsScreen(_props: object) {
  const wms = useApi('wms.get', {});
  const merchants = useApi('merchants.list', {});
  const [starting, setStarting] = useState(false);
  const exampleCode = merchants.data?.[0]?.code ?? 'ACME';
  return (
    <div className="wms-screen">
      <h1>Warehouse (WMS)</h1>
      <QueryView query={wms} what="Loading the WMS setup">
        {(view) =>
          !view.configured && !starting ? (
            <Empty title="No warehouse system connected yet">
              <p className="wms-screen__intro">
                The WMS is the warehouse management system that picks and ships the orders. Dockhand hands it each merchant's orders as CSV files and
                collects its shipment confirmations and inventory files, over FTP, FTPS, SFTP or a shared folder.
              </p>
              <button type="button" className="button button--primary" onClick={() => setStarting(true)}>
                Set up the WMS
              </button>
            </Empty>
          ) : (
            <WmsForm view={view} exampleCode={exampleCode} />
          )
        }
      </QueryView>
    </div>
  );
}
