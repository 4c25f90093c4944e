import { useTranslation } from 'react-i18next';
import type { TCompetency } from '@asah/contracts/competency';
import { Badge } from '@asah/ui/components/Badge';

interface DictionaryListProps {
  items: readonly TCompetency[];
  onEdit: (competency: TCompetency) => void;
  onDelete: (competency: TCompetency) => void;
}

/** Each competency folds open to its definition and five levels with descriptions and indicators. */
export function DictionaryList({ items, onEdit, onDelete }: DictionaryListProps) {
  const { t } = useTranslation();
  return (
    <ul className="kc-dictionary" aria-label={t('competency.dictionary.listLabel')}>
      {items.map((competency) => (
        <li key={competency.id} className="card kc-entry">
          <details>
            <summary>
              <span className="kc-code">{competency.code}</span> <strong>{competency.name}</strong>{' '}
              <Badge tone="info">{t(`competency.groups.${competency.group}`)}</Badge>{' '}
              {competency.agencyId === null ? (
                <Badge tone="neutral">{t('competency.dictionary.national')}</Badge>
              ) : competency.overridesNational ? (
                <Badge tone="warning">{t('competency.dictionary.agencyCopy')}</Badge>
              ) : (
                <Badge tone="success">{t('competency.dictionary.agency')}</Badge>
              )}
            </summary>
            {competency.definition && <p>{competency.definition}</p>}
            <ol className="kc-levels">
              {competency.levels.map((level) => (
                <li key={level.level} className="kc-level">
                  <strong>
                    {t('competency.dictionary.levelHeading', { level: level.level, name: level.name })}
                  </strong>
                  <p>{level.description}</p>
                  <ul>
                    {level.indicators.map((indicator, index) => (
                      <li key={index}>{indicator}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
            {competency.editable && (
              <div className="button-row">
                <button type="button" className="btn btn-secondary btn-sm" onClick={() => onEdit(competency)}>
                  {competency.agencyId === null ? t('competency.dictionary.editCopy') : t('common.edit')}
                </button>
                {competency.agencyId !== null && (
                  <button type="button" className="btn btn-link-danger btn-sm" onClick={() => onDelete(competency)}>
                    {t('common.delete')}
                  </button>
                )}
              </div>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
