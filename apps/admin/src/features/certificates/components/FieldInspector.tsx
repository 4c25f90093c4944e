import { useTranslation } from 'react-i18next';
import { ALIGNS, FONTS, type TTemplateField } from '@asah/contracts/certificates';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { TextField } from '@asah/ui/components/TextField';
import { isImageKind, mmToPt, ptToMm, type DesignerField } from '../designer-model';

interface FieldInspectorProps {
  field: DesignerField;
  onChange: (patch: Partial<TTemplateField>) => void;
  onRemove: () => void;
}

/** Exact numbers for the selected field: position and size in millimetres, font, size, alignment, colour. */
export function FieldInspector({ field, onChange, onRemove }: FieldInspectorProps) {
  const { t } = useTranslation();
  const image = isImageKind(field.kind);
  const label = t(`certificates.fieldKinds.${field.kind}`);
  const mm = (value: string, apply: (pt: number) => void) => {
    const number = Number(value.replace(',', '.'));
    if (value.trim() !== '' && Number.isFinite(number) && number >= 0) apply(mmToPt(number));
  };

  return (
    <section className="designer-inspector" aria-label={t('certificates.designer.inspectorLabel', { field: label })}>
      <div className="designer-panel-head">
        <h3 className="designer-panel-title">{label}</h3>
        <button type="button" className="btn btn-link-danger btn-sm" onClick={onRemove}>
          {t('certificates.designer.removeField')}
        </button>
      </div>
      <div className="form-grid designer-grid">
        <TextField
          label={t('certificates.designer.x')}
          name="x"
          type="number"
          step="0.5"
          min={0}
          value={ptToMm(field.x)}
          onChange={(e) => mm(e.target.value, (x) => onChange({ x }))}
        />
        <TextField
          label={t('certificates.designer.y')}
          name="y"
          type="number"
          step="0.5"
          min={0}
          value={ptToMm(field.y)}
          onChange={(e) => mm(e.target.value, (y) => onChange({ y }))}
        />
        <TextField
          label={image ? t('certificates.designer.width') : t('certificates.designer.maxWidth')}
          name="width"
          type="number"
          step="1"
          min={0}
          optional={!image}
          value={field.width === null ? '' : ptToMm(field.width)}
          onChange={(e) => (e.target.value === '' && !image ? onChange({ width: null }) : mm(e.target.value, (width) => width > 0 && onChange({ width })))}
        />
        {image ? (
          <TextField
            label={t('certificates.designer.height')}
            name="height"
            type="number"
            step="1"
            min={0}
            value={field.height === null ? '' : ptToMm(field.height)}
            onChange={(e) => mm(e.target.value, (height) => height > 0 && onChange({ height }))}
          />
        ) : (
          <>
            <TextField
              label={t('certificates.designer.fontSize')}
              name="fontSize"
              type="number"
              step="1"
              min={4}
              max={96}
              value={field.fontSize}
              onChange={(e) => {
                const size = Number(e.target.value);
                if (size >= 4 && size <= 96) onChange({ fontSize: size });
              }}
            />
            <SelectField label={t('certificates.designer.font')} name="font" value={field.font} onChange={(e) => onChange({ font: e.target.value as TTemplateField['font'] })}>
              {FONTS.map((font) => (
                <option key={font} value={font}>
                  {t(`certificates.fonts.${font}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('certificates.designer.align')} name="align" value={field.align} onChange={(e) => onChange({ align: e.target.value as TTemplateField['align'] })}>
              {ALIGNS.map((align) => (
                <option key={align} value={align}>
                  {t(`certificates.aligns.${align}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('certificates.designer.color')}
              name="color"
              type="color"
              inputClassName="input-color"
              value={field.color}
              onChange={(e) => onChange({ color: e.target.value })}
            />
          </>
        )}
        {field.kind === 'free_text' && (
          <TextAreaField
            className="span-2"
            label={t('certificates.designer.text')}
            name="text"
            rows={2}
            hint={t('certificates.designer.textHint')}
            value={field.text ?? ''}
            onChange={(e) => onChange({ text: e.target.value })}
          />
        )}
      </div>
    </section>
  );
}
