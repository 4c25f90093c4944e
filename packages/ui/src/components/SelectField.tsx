import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { FormField, type FieldProps } from './FormField';

type SelectFieldProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id' | 'className'> & {
    ref?: Ref<HTMLSelectElement>;
    children: ReactNode;
  };

export function SelectField({ label, name, hint, error, required, optional, className, ref, children, ...select }: SelectFieldProps) {
  return (
    <FormField label={label} name={name} hint={hint} error={error} required={required} optional={optional} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <select
          {...select}
          ref={ref}
          id={inputId}
          name={name}
          className="input select"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
        >
          {children}
        </select>
      )}
    </FormField>
  );
}
