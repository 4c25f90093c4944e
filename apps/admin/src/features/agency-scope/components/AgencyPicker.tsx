import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencyScope } from '../hooks/agency-scope-context';

/** Header control of platform admins: the agency whose units, positions and employees they manage. */
export function AgencyPicker() {
  const { t } = useTranslation();
  const scope = useAgencyScope();
  const id = useId();
  if (!scope.isPlatformAdmin) return null;
  return (
    <div className="agency-picker">
      <label htmlFor={id}>{t('agencyScope.pickerLabel')}</label>
      <select
        id={id}
        className="input select"
        value={scope.agencyId ?? ''}
        onChange={(event) => scope.selectAgency(event.target.value)}
        disabled={scope.agencies.length === 0}
      >
        {scope.agencies.length === 0 && <option value="">{t('agencyScope.noAgencies')}</option>}
        {scope.agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.active ? agency.name : t('agencyScope.inactiveOption', { name: agency.name })}
          </option>
        ))}
      </select>
    </div>
  );
}
