import type { FieldErrors } from '../../../../shared/errors.js';
import { FORMAT_KIND_WORDS, FORMAT_KINDS, type FormatIds } from '../../../../shared/schemas/file-format.js';
import { errorMessage } from '../../api/api-error.js';
import { useApi } from '../../api/hooks.js';
import { SelectField } from '../../components/field.js';
import { Banner } from '../../components/states.js';
import { formatOptions, formatValue, parseFormatValue } from '../formats/format-choices.js';

/**
 * A merchant's own file formats, over the warehouse's: three pickers of saved formats, "Warehouse's
 * format" by default. Presets are not offered here: copy one on the Formats screen first, so a merchant's
 * choice is always a format someone named.
 */
export function MerchantFileFormats({ value, onValue, errors }: { value: FormatIds; onValue: (value: FormatIds) => void; errors: FieldErrors }) {
  const saved = useApi('formats.list', {});
  const overridden = FORMAT_KINDS.some((kind) => value[kind] !== undefined || errors[`fileFormats.${kind}`]);
  return (
    <details className="details merchant-form__formats" open={overridden}>
      <summary>File formats</summary>
      <p className="field__hint">
        Leave these on &ldquo;Warehouse&rsquo;s format&rdquo; unless this merchant&rsquo;s files differ from the warehouse&rsquo;s. <a href="#/formats">Manage formats</a>
      </p>
      {saved.isError ? <Banner kind="error">The saved formats could not be loaded: {errorMessage(saved.error)}</Banner> : null}
      {FORMAT_KINDS.map((kind) => (
        <SelectField
          key={kind}
          label={`${FORMAT_KIND_WORDS[kind].title.replace(/ files$/, ' file')} format`}
          value={formatValue(value[kind])}
          onValue={(picked) => {
            const choice = parseFormatValue(picked);
            onValue({ ...value, [kind]: choice && 'id' in choice ? choice.id : undefined });
          }}
          options={formatOptions(kind, saved.data ?? [], [], 'Warehouse’s format')}
          disabled={saved.isPending}
          error={errors[`fileFormats.${kind}`]}
        />
      ))}
    </details>
  );
}
