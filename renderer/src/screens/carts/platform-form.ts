import type { ComponentType } from 'react';
import type { TestResultView } from '../../../../shared/api-types.js';
import type { FieldErrors } from '../../../../shared/errors.js';

/**
 * What the cart screen needs from a platform: its part of the form (credentials, options, advanced),
 * how a saved cart's settings become form values, and how form values become the API's settings and
 * credentials. Adding a platform = one file in platforms/ and one line in platforms/index.ts.
 */
export interface PlatformForm<D> {
  platform: string;
  /** Form values for a new connection. */
  newDraft(): D;
  /** Form values of a saved connection; credentials start blank (saved secrets are never shown). */
  draftFromSaved(settings: Record<string, unknown>): D;
  /** The API's `settings` and `credentials`; blank credentials are left out so the saved ones stay. */
  toInput(draft: D): { settings: unknown; credentials?: Record<string, string> };
  /** Missing credentials the schema cannot see (they are optional there because updates may omit them). */
  checkCredentials(draft: D, hasSavedCredentials: boolean): FieldErrors;
  /** Field keys (dotted API paths) the sections show, so no message is lost. */
  shownFields: readonly string[];
  /** Field keys inside the Advanced disclosure: it opens by itself when one of them has a message. */
  advancedFields?: readonly string[];
  /** The Advanced disclosure also opens by itself when this says a saved value there needs a look. */
  opensAdvanced?(draft: D): boolean;
  Credentials?: ComponentType<PlatformSectionProps<D>>;
  Options?: ComponentType<PlatformSectionProps<D>>;
  Advanced?: ComponentType<PlatformSectionProps<D>>;
  /** Shown in the credentials box when the platform needs none. */
  noCredentialsText?: string;
}

export interface PlatformSectionProps<D> {
  draft: D;
  change: (patch: Partial<D>) => void;
  /** Keyed by the API's dotted paths ("credentials.accessToken", "settings.shopDomain"). */
  errors: FieldErrors;
  /** Editing a connection whose credentials are saved: blank fields keep them. */
  hasSavedCredentials: boolean;
  /**
   * The last Test's result while the form is unchanged: a file server's certificate to accept or its
   * key to trust (the CSV order source) comes with it.
   */
  testResult?: TestResultView | null;
}
