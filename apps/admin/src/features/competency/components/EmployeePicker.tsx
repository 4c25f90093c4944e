import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNip } from '@asah/contracts/nip';
import { SearchField } from '@asah/ui/components/SearchField';
import { useEmployeeSearch } from '../hooks/use-employee-search';

export interface PickedEmployee {
  id: string;
  name: string;
  nip: string | null;
}

interface EmployeePickerProps {
  label: string;
  value: PickedEmployee | null;
  onChange: (employee: PickedEmployee | null) => void;
}

/** Search by name or NIP, then choose one of the matches (each a button, so it works by keyboard). */
export function EmployeePicker({ label, value, onChange }: EmployeePickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useEmployeeSearch(q);

  if (value) {
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <div className="button-row">
          <span data-testid="picked-employee">
            <strong>{value.name}</strong> {value.nip && <span className="nip">{formatNip(value.nip)}</span>}
          </span>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(null)}>
            {t('competency.picker.change')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="field">
      <SearchField label={label} placeholder={t('competency.picker.placeholder')} value={q} onChange={setQ} />
      {found.data && (
        <ul className="people-list" aria-label={t('competency.picker.results')}>
          {found.data.items.length === 0 && <li className="muted">{t('competency.picker.none')}</li>}
          {found.data.items.map((user) => (
            <li key={user.id}>
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                onClick={() => onChange({ id: user.id, name: user.name, nip: user.nip })}
              >
                {user.name} {user.nip && <span className="nip">{formatNip(user.nip)}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
