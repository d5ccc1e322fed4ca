import type { FieldErrors } from '../../../../shared/errors.js';
import { SelectField, TextField } from '../../components/field.js';
import { examplePath, type FolderKind, type WmsDraft } from './wms-draft.js';

const FOLDER_LABELS: Record<FolderKind, string> = { orders: 'Orders folder', confirmations: 'Confirmations folder', inventory: 'Inventory folder' };
const KINDS: FolderKind[] = ['orders', 'confirmations', 'inventory'];
const DONE_MARKER_HINT = 'If the warehouse writes stock.csv.done once stock.csv is complete, enter ".done": only marked files are read. Empty: a file is read once its size stops changing.';
// Mail has no marker files: a message arrives whole (the settings refuse a marker with e-mail).
const DONE_MARKER_HINT_EMAIL = 'Leave empty with e-mail: a message arrives whole, so its files are read as they come. Give confirmations and inventory an IMAP folder each.';

/** The WMS folder names, their order with the merchant's code, and where that puts a merchant's files. */
export function WmsFolderFields({ draft, change, errors, exampleCode }: { draft: WmsDraft; change: (patch: Partial<WmsDraft>) => void; errors: FieldErrors; exampleCode: string }) {
  return (
    <>
      <SelectField
        label="Folder order"
        value={draft.folderOrder}
        onValue={(folderOrder) => change({ folderOrder: folderOrder as WmsDraft['folderOrder'] })}
        error={errors['settings.folderOrder']}
        options={[
          { value: 'client_then_wms', label: 'Client, then WMS folder (ACME/orders)' },
          { value: 'wms_then_client', label: 'WMS folder, then client (orders/ACME)' },
        ]}
      />
      {KINDS.map((kind) => (
        <TextField
          key={kind}
          label={FOLDER_LABELS[kind]}
          value={draft.folders[kind]}
          onValue={(value) => change({ folders: { ...draft.folders, [kind]: value } })}
          error={errors[`settings.folders.${kind}`]}
          autoComplete="off"
        />
      ))}
      <TextField
        label="Done-marker (optional)"
        value={draft.doneMarker}
        onValue={(doneMarker) => change({ doneMarker })}
        error={errors['settings.folders.doneMarker']}
        hint={draft.transport === 'email' ? DONE_MARKER_HINT_EMAIL : DONE_MARKER_HINT}
        placeholder=".done"
        autoComplete="off"
      />
      <div className="wms-folder-preview" aria-label="Example paths">
        <div className="muted">Example for merchant {exampleCode}:</div>
        <dl className="details mono">
          {KINDS.map((kind) => (
            <div key={kind} className="wms-folder-preview__row">
              <dt>{FOLDER_LABELS[kind].replace(' folder', '')}</dt>
              <dd>{examplePath(draft, exampleCode, kind)}</dd>
            </div>
          ))}
        </dl>
        <div className="muted">A merchant with its own folders (set on the merchant) uses those instead.</div>
      </div>
    </>
  );
}
