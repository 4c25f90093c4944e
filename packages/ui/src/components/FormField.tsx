import { useId, type ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../form/zod-messages';

export interface FieldProps {
  label: string;
  /** The field name as registered with react-hook-form (used to word schema messages). */
  name: string;
  hint?: ReactNode;
  /** A react-hook-form error (client Zod issue or server problem set via applyServerErrors). */
  error?: FieldError;
  required?: boolean;
  optional?: boolean;
  className?: string;
}

interface FormFieldProps extends FieldProps {
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** Label, control, hint and error wired together with ids, so screen readers announce all three. */
export function FormField({ label, name, hint, error, required, optional, className, children }: FormFieldProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={['field', error ? 'field-invalid' : null, className].filter(Boolean).join(' ')}>
      {/* Marks sit outside <label> so the field's name is exactly its label text. */}
      <div className="field-label-row">
        <label htmlFor={inputId} className="field-label">
          {label}
        </label>
        {required && (
          <span className="field-required" aria-hidden="true">
            *
          </span>
        )}
        {optional && <span className="field-optional">({t('common.optional')})</span>}
      </div>
      {children({ inputId, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {fieldErrorText(t, name, error)}
        </p>
      )}
    </div>
  );
}
