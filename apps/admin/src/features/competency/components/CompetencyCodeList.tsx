import { useTranslation } from 'react-i18next';
import { useDictionary } from '../hooks/use-dictionary';
import '../competency.css';

export const COMPETENCY_CODE_LIST_ID = 'competency-code-options';

/**
 * The agency's dictionary as suggestions for a competency-code input (`list={COMPETENCY_CODE_LIST_ID}`),
 * and the name of a typed code, so course editors target competencies that exist.
 */
export function CompetencyCodeList() {
  const dictionary = useDictionary();
  return (
    <datalist id={COMPETENCY_CODE_LIST_ID}>
      {dictionary.data?.items.map((competency) => (
        <option key={competency.id} value={competency.code}>
          {competency.name}
        </option>
      ))}
    </datalist>
  );
}

/** "Integritas" for a known code, a warning for an unknown one, nothing while empty or loading. */
export function CompetencyCodeName({ code }: { code: string | undefined }) {
  const { t } = useTranslation();
  const dictionary = useDictionary();
  const wanted = code?.trim().toUpperCase();
  if (!wanted || !dictionary.data) return null;
  const found = dictionary.data.items.find((competency) => competency.code.toUpperCase() === wanted);
  return found ? (
    <span>{found.name}</span>
  ) : (
    <span className="kc-unknown-code">{t('competency.courseTargets.unknownCode')}</span>
  );
}
