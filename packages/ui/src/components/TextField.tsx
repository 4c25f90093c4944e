import type { InputHTMLAttributes, Ref } from 'react';
import { FormField, type FieldProps } from './FormField';

type TextFieldProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'className'> & {
    ref?: Ref<HTMLInputElement>;
    inputClassName?: string;
  };

export function TextField({ label, name, hint, error, required, optional, className, inputClassName, ref, ...input }: TextFieldProps) {
  return (
    <FormField label={label} name={name} hint={hint} error={error} required={required} optional={optional} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <input
          {...input}
          ref={ref}
          id={inputId}
          name={name}
          className={['input', inputClassName].filter(Boolean).join(' ')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
        />
      )}
    </FormField>
  );
}
