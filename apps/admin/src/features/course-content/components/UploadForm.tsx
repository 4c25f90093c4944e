import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '@asah/ui/upload';
import { ProgressBar } from '@asah/ui/components/ProgressBar';
import { formatBytes } from '../../courses/format';
import type { UploadPhase } from '../hooks/use-upload';

export interface UploadAction<A extends string> {
  id: A;
  label: string;
  primary?: boolean;
}

interface UploadFormProps<A extends string> {
  label: string;
  hint: ReactNode;
  accept: string;
  actions: UploadAction<A>[];
  /** A problem with the chosen file found before sending it (type, size), or null. */
  check: (file: File) => string | null;
  onSubmit: (file: File, action: A) => void;
  phase: UploadPhase;
  progress: UploadProgress | null;
  /** What the server does after the bytes arrived, e.g. "Memeriksa paket…". */
  processingLabel: string;
  onCancel: () => void;
  disabled?: boolean;
}

/** File picker, the buttons that send the file, and the progress of the upload under way. */
export function UploadForm<A extends string>(props: UploadFormProps<A>) {
  const { label, hint, accept, actions, check, onSubmit, phase, progress, processingLabel, onCancel, disabled = false } = props;
  const { t, i18n } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const running = phase === 'uploading' || phase === 'processing';
  const input = useRef<HTMLInputElement>(null);
  const [lastAction, setLastAction] = useState<A | null>(null);

  // Once stored by the primary action, the picker is emptied for the next file; after a check
  // only (a secondary action) the file stays chosen, ready to be uploaded.
  const primary = actions[0].id;
  useEffect(() => {
    if (phase !== 'done' || lastAction !== primary) return;
    setFile(null);
    if (input.current) input.current.value = '';
  }, [phase, lastAction, primary]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const action = (submitter?.value || actions[0].id) as A;
    if (!file) return setProblem(t('content.chooseFileFirst'));
    const found = check(file);
    if (found) return setProblem(found);
    setLastAction(action);
    onSubmit(file, action);
  };

  return (
    <form onSubmit={submit} noValidate className="upload-block">
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <div className="file-picker">
          <span className="btn btn-secondary btn-sm file-picker-button" aria-hidden="true">
            {t('content.chooseFile')}
          </span>
          <span className={file ? 'file-picker-name has-file' : 'file-picker-name'} aria-hidden="true">
            {file ? `${file.name} (${formatBytes(file.size, i18n.language)})` : t('content.noFileChosen')}
          </span>
          <input
            ref={input}
            id={id}
            type="file"
            accept={accept}
            disabled={disabled || running}
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
      <div className="button-row">
        {actions.map((action) => (
          <button key={action.id} type="submit" value={action.id} className={action.primary ? 'btn btn-primary' : 'btn btn-secondary'} disabled={disabled || running}>
            {action.label}
          </button>
        ))}
        {phase === 'uploading' && (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            {t('content.cancelUpload')}
          </button>
        )}
      </div>
      {phase === 'uploading' && progress && (
        <ProgressBar
          label={t('content.uploading', { name: file?.name ?? '' })}
          percent={progress.percent}
          detail={t('content.uploadedOf', { loaded: formatBytes(progress.loaded, i18n.language), total: formatBytes(progress.total, i18n.language) })}
        />
      )}
      {phase === 'processing' && <ProgressBar label={processingLabel} detail={t('content.processingHint')} />}
    </form>
  );
}
