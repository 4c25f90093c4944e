import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES } from '@asah/contracts/user-import';

interface ImportUploadFormProps {
  pending: boolean;
  onSubmit: (file: File) => void;
}

export function ImportUploadForm({ pending, onSubmit }: ImportUploadFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem(t('userImport.chooseFileFirst'));
      return;
    }
    // Checked here too so a huge file is not uploaded just to be refused.
    if (file.size > IMPORT_MAX_BYTES) {
      setProblem(t('errors.PAYLOAD_TOO_LARGE'));
      return;
    }
    onSubmit(file);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {t('userImport.uploadTitle')}
      </h2>
      <form onSubmit={submit} noValidate className="upload-form">
        <div className={problem ? 'field field-invalid' : 'field'}>
          <label htmlFor={id} className="field-label">
            {t('userImport.fileLabel')}
          </label>
          <div className="file-picker">
            <span className="btn btn-secondary btn-sm file-picker-button" aria-hidden="true">
              {t('userImport.chooseFile')}
            </span>
            <span className={file ? 'file-picker-name has-file' : 'file-picker-name'} aria-hidden="true">
              {file ? file.name : t('userImport.noFileChosen')}
            </span>
            <input
              id={id}
              type="file"
              accept=".csv,text/csv"
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
              {t('userImport.fileHint')}
            </p>
          )}
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('userImport.checking') : t('userImport.check')}
        </button>
      </form>
    </section>
  );
}
