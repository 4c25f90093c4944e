import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TMe } from '@asah/contracts/auth';
import { Badge } from '@asah/ui/components/Badge';
import { Nip } from '@asah/ui/components/Nip';
import { unitPathLabel } from '@asah/ui/unit-path';

export function ProfileDetails({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('common.none')}</span>;
  const position = me.position;

  return (
    <div className="card profile-card">
      <div className="profile-head">
        <span className="avatar" aria-hidden="true">
          {initials(me.name)}
        </span>
        <div>
          <h2 className="profile-name">{me.name}</h2>
          {me.agency && <p className="muted">{me.agency.name}</p>}
        </div>
      </div>
      <dl className="dl">
        <dt>{t('profile.nip')}</dt>
        <dd>
          <Nip value={me.nip} />
        </dd>
        <dt>{t('profile.email')}</dt>
        <dd>{me.email}</dd>
        <dt>{t('profile.employmentType')}</dt>
        <dd>{me.employmentType ? t(`employmentTypes.${me.employmentType}`) : none}</dd>
        <dt>{t('profile.agency')}</dt>
        <dd>{me.agency?.name ?? none}</dd>
        <dt>{t('profile.unit')}</dt>
        <dd>{me.unit ? unitPathLabel(me.unit) : none}</dd>
        <dt>{t('profile.position')}</dt>
        <dd>
          {position ? (
            <>
              {position.name}
              <span className="cell-sub">
                {t(`positionTypes.${position.type}`, { defaultValue: position.type })}
                {position.functionalLevel &&
                  ` · ${t(`functionalLevels.${position.functionalLevel}`, { defaultValue: position.functionalLevel })}`}
              </span>
            </>
          ) : (
            none
          )}
        </dd>
        <dt>{t('profile.roles')}</dt>
        <dd>
          <span className="badge-list">
            {me.roles.map((role) => (
              <Badge key={role} tone="info">
                {t(`roles.${role}`)}
              </Badge>
            ))}
          </span>
        </dd>
      </dl>
      <div className="profile-footer">
        <Link to="/ubah-kata-sandi" className="btn btn-secondary">
          {t('shell.changePassword')}
        </Link>
      </div>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.split(/\s+/).filter((part) => /^[\p{L}]/u.test(part));
  return parts
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}
