import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText, type FieldProblem } from '../form/zod-messages';

interface CheckboxGroupProps {
  legend: string;
  name: string;
  error?: FieldProblem;
  hint?: ReactNode;
  children: ReactNode;
}

/** A fieldset of checkboxes (e.g. roles) sharing one legend and one error message. */
export function CheckboxGroup({ legend, name, error, hint, children }: CheckboxGroupProps) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'field fieldset field-invalid' : 'field fieldset'} aria-describedby={describedBy}>
      <legend className="field-label">{legend}</legend>
      <div className="checkbox-list">{children}</div>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {fieldErrorText(t, name, error)}
        </p>
      )}
    </fieldset>
  );
}
