import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COMPETENCY_LEVEL_MAX, COMPETENCY_LEVEL_MIN } from '@asah/contracts/courses';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { fieldErrorText } from '@asah/ui/form/zod-messages';
import { COMPETENCY_CODE_LIST_ID, CompetencyCodeList, CompetencyCodeName } from '../../competency/components/CompetencyCodeList';
import type { CourseDetailsValues } from './CourseDetailsForm';

const LEVELS = Array.from({ length: COMPETENCY_LEVEL_MAX - COMPETENCY_LEVEL_MIN + 1 }, (_, i) => COMPETENCY_LEVEL_MIN + i);

interface CompetencyRowsProps {
  control: Control<CourseDetailsValues>;
  register: UseFormRegister<CourseDetailsValues>;
  errors: FieldErrors<CourseDetailsValues>['competencies'];
}

/** The competencies a course develops: a code (e.g. M.01) and the level 1–5 it aims at. */
export function CompetencyRows({ control, register, errors }: CompetencyRowsProps) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'competencies' });
  // Codes are suggested from the agency's competency dictionary and named once typed.
  const codes = useWatch({ control, name: 'competencies' });
  const listError = errors?.root ?? (errors && 'message' in errors ? (errors as { message?: string; type?: string }) : undefined);
  return (
    <fieldset className="field fieldset competencies">
      <legend className="field-label">{t('courses.competencies')}</legend>
      <p className="field-hint">{t('courses.competenciesHint')}</p>
      {fields.length === 0 && <p className="muted">{t('courses.noCompetencies')}</p>}
      <CompetencyCodeList />
      <ol className="competency-list">
        {fields.map((field, index) => (
          <li key={field.id} className="competency-row">
            <TextField
              label={t('courses.competencyCode')}
              autoComplete="off"
              spellCheck={false}
              placeholder="M.01"
              error={errors?.[index]?.code}
              list={COMPETENCY_CODE_LIST_ID}
              hint={<CompetencyCodeName code={codes?.[index]?.code} />}
              {...register(`competencies.${index}.code`)}
            />
            <SelectField
              label={t('courses.targetLevel')}
              error={errors?.[index]?.targetLevel}
              {...register(`competencies.${index}.targetLevel`, { setValueAs: (value: string) => Number(value) })}
            >
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t('courses.levelOption', { level, name: t(`courses.levels.${level}`) })}
                </option>
              ))}
            </SelectField>
            <button
              type="button"
              className="btn btn-link-danger btn-sm competency-remove"
              onClick={() => remove(index)}
              aria-label={t('courses.removeCompetency', { index: index + 1 })}
            >
              {t('common.delete')}
            </button>
          </li>
        ))}
      </ol>
      {listError?.message && (
        <p className="field-error" role="alert">
          {fieldErrorText(t, 'competencies', listError)}
        </p>
      )}
      <div>
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => append({ code: '', targetLevel: 3 })}>
          {t('courses.addCompetency')}
        </button>
      </div>
    </fieldset>
  );
}
