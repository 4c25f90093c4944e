import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface FileUploadFormProps {
  title: string;
  label: string;
  hint: string;
  accept: string;
  maxBytes: number;
  pending: boolean;
  submitLabel: string;
  onSubmit: (file: File) => void;
}

/** Choose one file and send it to be checked; the size limit is checked here too, before uploading. */
export function FileUploadForm({ title, label, hint, accept, maxBytes, pending, submitLabel, onSubmit }: FileUploadFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setProblem(t('competency.upload.chooseFirst'));
    if (file.size > maxBytes) return setProblem(t('errors.PAYLOAD_TOO_LARGE'));
    onSubmit(file);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {title}
      </h2>
      <form onSubmit={submit} noValidate className="upload-form">
        <div className={problem ? 'field field-invalid' : 'field'}>
          <label htmlFor={id} className="field-label">
            {label}
          </label>
          <div className="file-picker">
            <span className="btn btn-secondary btn-sm file-picker-button" aria-hidden="true">
              {t('competency.upload.choose')}
            </span>
            <span className={file ? 'file-picker-name has-file' : 'file-picker-name'} aria-hidden="true">
              {file ? file.name : t('competency.upload.none')}
            </span>
            <input
              id={id}
              type="file"
              accept={accept}
              aria-describedby={problem ? `${id}-error` : `${id}-hint`}
              aria-invalid={problem ? true : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setProblem(null);
              }}
            />
          </div>
          {problem ? (
            <p id={`${id}-error`} className="field-error" role="alert">
              {problem}
            </p>
          ) : (
            <p id={`${id}-hint`} className="field-hint">
              {hint}
            </p>
          )}
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('competency.upload.checking') : submitLabel}
        </button>
      </form>
    </section>
  );
}
