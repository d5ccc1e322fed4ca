import { useState } from 'react';
import type { FieldErrors } from '../../../../shared/errors.js';
import { FORMAT_KIND_WORDS, FORMAT_KINDS, type FormatIds, type FormatKind } from '../../../../shared/schemas/file-format.js';
import { call } from '../../api/client.js';
import { errorMessage } from '../../api/api-error.js';
import { useApi } from '../../api/hooks.js';
import { SelectField } from '../../components/field.js';
import { Banner } from '../../components/states.js';
import { formatOptions, formatValue, parseFormatValue } from '../formats/format-choices.js';

/**
 * The warehouse's file formats: one saved format per file, picked from the saved ones or copied from a
 * preset (a preset is read-only: picking one saves a copy and chooses the copy). Merchants may override
 * each on their own page; the formats themselves are managed on the Formats screen.
 */
export function FileProfiles({ formats, onFormats, errors }: { formats: FormatIds; onFormats: (formats: FormatIds) => void; errors: FieldErrors }) {
  const saved = useApi('formats.list', {});
  const presets = useApi('formats.presets', {});
  const [copying, setCopying] = useState<FormatKind | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function pick(kind: FormatKind, value: string) {
    setProblem(null);
    const choice = parseFormatValue(value);
    if (choice === null) return onFormats({ ...formats, [kind]: undefined });
    if ('id' in choice) return onFormats({ ...formats, [kind]: choice.id });
    setCopying(kind);
    try {
      const copy = await call('formats.copy', { from: { preset: choice.preset } });
      await saved.refetch();
      onFormats({ ...formats, [kind]: copy.id });
    } catch (err) {
      setProblem(`The preset could not be copied: ${errorMessage(err)}`);
    } finally {
      setCopying(null);
    }
  }

  return (
    <div className="file-formats">
      {problem ? <Banner kind="error">{problem}</Banner> : null}
      {saved.isError ? <Banner kind="error">The saved formats could not be loaded: {errorMessage(saved.error)}</Banner> : null}
      {FORMAT_KINDS.map((kind) => (
        <SelectField
          key={kind}
          label={`${FORMAT_KIND_WORDS[kind].title.replace(/ files$/, ' file')} format`}
          value={formatValue(formats[kind])}
          onValue={(value) => void pick(kind, value)}
          options={formatOptions(kind, saved.data ?? [], presets.data ?? [], 'Standard (saved as a format when you save)')}
          disabled={copying !== null || saved.isPending}
          error={errors[`settings.formats.${kind}`]}
          hint={copying === kind ? 'Copying the preset…' : undefined}
        />
      ))}
      <p className="field__hint">
        A preset is copied into a saved format of its own when you pick it. Each merchant can use other formats (on its page). <a href="#/formats">Manage formats</a>
      </p>
    </div>
  );
}
