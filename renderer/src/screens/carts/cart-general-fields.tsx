import type { FieldErrors } from '../../../../shared/errors.js';
import { CheckboxField, TextField } from '../../components/field.js';
import type { CartDraft } from './cart-draft.js';

/** The fields every platform has: display name, order source, earliest order date, and the two rules. */
export function CartGeneralFields({ draft, change, errors, showInventory }: { draft: CartDraft; change: (patch: Partial<CartDraft>) => void; errors: FieldErrors; showInventory: boolean }) {
  return (
    <>
      <TextField label="Display name" value={draft.name} onValue={(name) => change({ name })} error={errors.name} autoComplete="off" hint="How this connection is named in Dockhand (e.g. Acme Shopify)." />
      <TextField
        label="Order source"
        value={draft.orderSource}
        onValue={(orderSource) => change({ orderSource })}
        error={errors.orderSource}
        autoComplete="off"
        hint="The value sent to the WMS in each order's source column. Blank: the display name."
      />
      <TextField
        label="Earliest order date"
        type="date"
        value={draft.earliestOrderDate}
        onValue={(earliestOrderDate) => change({ earliestOrderDate })}
        error={errors.earliestOrderDate}
        hint="The first download starts from this day; later downloads pick up where the last one stopped."
      />
      <CheckboxField
        label="Reject unmapped shipping codes"
        checked={draft.rejectUnmappedShipCodes}
        onChecked={(rejectUnmappedShipCodes) => change({ rejectUnmappedShipCodes })}
        error={errors.rejectUnmappedShipCodes}
        hint="Hold an order whose ship code has no WMS ship method, instead of sending the code as it came."
      />
      {showInventory ? (
        <TextField
          label="Minimum inventory level"
          type="number"
          min={0}
          value={draft.minInventoryLevel}
          onValue={(minInventoryLevel) => change({ minInventoryLevel })}
          error={errors.minInventoryLevel}
          hint="Stock below this is sent to the shop as 0, so the last units are not oversold."
        />
      ) : null}
    </>
  );
}
