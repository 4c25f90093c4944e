import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_NUMBER_SCHEME, ZNumberScheme } from '@asah/contracts/certificates';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { TextField } from '@asah/ui/components/TextField';
import { useNumberingSettings, useSaveNumberingSettings } from '../hooks/use-certificates';

/** The agency's numbering scheme with the next number it would give. */
export function NumberingSettings() {
  const settings = useNumberingSettings();
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorBanner error={settings.error} onRetry={() => void settings.refetch()} />;
  return <NumberingForm stored={settings.data.numberScheme} nextNumber={settings.data.nextNumberPreview} />;
}

/**
 * Mounted only once the settings are loaded, so the field starts with the stored scheme in its first
 * render (copying it in an effect showed an empty field for one frame) and a background refetch never
 * overwrites what the admin is typing.
 */
function NumberingForm({ stored, nextNumber }: { stored: string; nextNumber: string }) {
  const { t } = useTranslation();
  const save = useSaveNumberingSettings();
  const [scheme, setScheme] = useState(stored);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    save.reset();
    const parsed = ZNumberScheme.safeParse(scheme);
    if (!parsed.success) return setProblem(t('certificates.numbering.invalid'));
    setProblem(null);
    save.mutate({ numberScheme: parsed.data });
  };

  return (
    <section className="card card-narrow" aria-labelledby="numbering-title">
      <h2 id="numbering-title" className="card-title">
        {t('certificates.numbering.title')}
      </h2>
      <form
        className="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField
          label={t('certificates.numbering.scheme')}
          name="numberScheme"
          required
          value={scheme}
          hint={t('certificates.numbering.hint', { example: DEFAULT_NUMBER_SCHEME })}
          error={problem ? { type: 'server', message: problem } : undefined}
          onChange={(e) => {
            setScheme(e.target.value);
            setProblem(null);
          }}
        />
        <p>
          {t('certificates.numbering.next')}{' '}
          <span className="number-preview" data-testid="next-number">
            {nextNumber}
          </span>
        </p>
        <p className="field-hint">{t('certificates.numbering.gapless')}</p>
        {save.isError && <ErrorBanner error={save.error} />}
        {save.isSuccess && <SuccessBanner>{t('certificates.numbering.saved')}</SuccessBanner>}
        <div>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
