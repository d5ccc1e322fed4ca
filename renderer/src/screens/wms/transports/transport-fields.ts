import type { TestResultView } from '../../../../../shared/api-types.js';
import type { FieldErrors } from '../../../../../shared/errors.js';
import type { WmsDraft } from '../wms-draft.js';

export interface TransportFieldsProps {
  draft: WmsDraft;
  change: (patch: Partial<WmsDraft>) => void;
  /** Keyed by the API's paths ("settings.transport.host", "secrets.password"). */
  errors: FieldErrors;
  hasSavedPassword: boolean;
  /** The last Test's result while the form is unchanged (an FTPS certificate it offers to accept). */
  testResult?: TestResultView | null;
}
