import type { TestResultView } from '../../../../shared/api-types.js';
import type { FieldErrors } from '../../../../shared/errors.js';
import type { TransportDraft } from './transport-draft.js';

export interface TransportFieldsProps {
  draft: TransportDraft;
  change: (patch: Partial<TransportDraft>) => void;
  /** Keyed by the API's paths ("settings.transport.host", "secrets.password"). */
  errors: FieldErrors;
  hasSavedPassword: boolean;
  /** The last Test's result while the form is unchanged (an FTPS certificate it offers to accept). */
  testResult?: TestResultView | null;
  /** Where the form's API input puts the secrets: "secrets" (the WMS, the default) or "credentials" (a cart). */
  secretsPath?: string;
  /** What the root (or the folder) holds, for its hint: "the merchant folders below" unless told. */
  rootHolds?: string;
  /** Who else reads and writes the files, for the folder's hint: "the WMS" unless told. */
  otherSide?: string;
  /**
   * Offer "Trust this key" beside the server key a Test saw (SFTP), for a form whose test result box
   * does not offer it itself.
   */
  offerTrust?: boolean;
}
