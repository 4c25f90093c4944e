import type { Ref, TextareaHTMLAttributes } from 'react';
import { FormField, type FieldProps } from './FormField';

type TextAreaFieldProps = FieldProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id' | 'className'> & {
    ref?: Ref<HTMLTextAreaElement>;
  };

export function TextAreaField({ label, name, hint, error, required, optional, className, ref, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <FormField label={label} name={name} hint={hint} error={error} required={required} optional={optional} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <textarea
          {...textarea}
          ref={ref}
          id={inputId}
          name={name}
          rows={rows}
          className="input textarea"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
        />
      )}
    </FormField>
  );
}
