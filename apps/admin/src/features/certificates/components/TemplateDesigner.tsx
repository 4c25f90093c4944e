import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FIELD_KINDS, ORIENTATIONS, type TFieldKind, type TTemplate, type TTemplateField } from '@asah/contracts/certificates';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { isApiError } from '@asah/ui/api-client';
import { fieldProblemMessage } from '@asah/ui/errors';
import { openBlobIn } from '@asah/ui/fetch-file';
import { clampToPage, newField, reorient, toContent, type DesignerState } from '../designer-model';
import { useSaveTemplate, useTemplatePreview } from '../hooks/use-templates';
import { AssetField } from './AssetField';
import { DesignerCanvas } from './DesignerCanvas';
import { FieldInspector } from './FieldInspector';
import '../certificates.css';

interface TemplateDesignerProps {
  /** Undefined: a new template, created on the first save. */
  template?: TTemplate;
  initial: DesignerState;
}

/**
 * The certificate designer: the page at scale with sample data on the left, the template's settings
 * and the selected field's exact values on the right. Nothing is stored until "Simpan"; each save of
 * an existing template is a new version (issued certificates keep theirs).
 */
export function TemplateDesigner({ template, initial }: TemplateDesignerProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [design, setDesign] = useState<DesignerState>(initial);
  const [dirty, setDirty] = useState(false);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [kindToAdd, setKindToAdd] = useState<TFieldKind>('free_text');
  const [backgroundIsPdf, setBackgroundIsPdf] = useState(false);
  const save = useSaveTemplate(template?.id);
  const preview = useTemplatePreview();
  const selected = design.fields.find((field) => field.key === selectedKey) ?? null;

  const update = (next: (current: DesignerState) => DesignerState) => {
    setDesign(next);
    setDirty(true);
    save.reset();
  };
  const patchField = (key: string, patch: Partial<TTemplateField>) =>
    update((d) => ({ ...d, fields: d.fields.map((f) => (f.key === key ? clampToPage({ ...f, ...patch }, d.orientation) : f)) }));
  const moveField = (key: string, dx: number, dy: number) =>
    update((d) => ({ ...d, fields: d.fields.map((f) => (f.key === key ? clampToPage({ ...f, x: f.x + dx, y: f.y + dy }, d.orientation) : f)) }));
  const addField = () => {
    const field = newField(kindToAdd, design.orientation);
    update((d) => ({ ...d, fields: [...d.fields, field] }));
    setSelectedKey(field.key);
  };

  const onSave = () =>
    save.mutate(toContent(design), {
      onSuccess: (saved) => {
        setDirty(false);
        if (!template) void navigate(`/sertifikat/templat/${saved.id}`, { replace: true });
      },
    });
  const onPreview = () => {
    // Opened inside the click: a tab opened after the answer arrives would be blocked as a pop-up.
    const tab = window.open('', '_blank');
    preview.mutate(toContent(design), {
      onSuccess: (blob) => openBlobIn(tab, blob),
      onError: () => tab?.close(),
    });
  };

  const problems = save.error && isApiError(save.error, 'VALIDATION_FAILED') ? save.error.fieldErrors : [];

  return (
    <div className="designer">
      <div className="designer-toolbar">
        <p className="designer-status" role="status">
          {save.isSuccess && !dirty
            ? t('certificates.designer.saved', { version: save.data.version })
            : dirty
              ? t('certificates.designer.unsaved')
              : template
                ? t('certificates.designer.version', { version: template.version })
                : t('certificates.designer.newTemplate')}
        </p>
        <div className="button-row">
          <button type="button" className="btn btn-secondary" onClick={onPreview} disabled={preview.isPending}>
            {preview.isPending ? t('certificates.designer.previewing') : t('certificates.designer.previewPdf')}
          </button>
          <button type="button" className="btn btn-primary" onClick={onSave} disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </div>
      {save.isError && (
        <ErrorBanner
          error={
            problems.length > 0
              ? problems.map((p) => `${p.field}: ${fieldProblemMessage(t, p)}`).join(' · ')
              : save.error
          }
        />
      )}
      {preview.isError && <ErrorBanner error={preview.error} title={t('certificates.designer.previewFailed')} />}

      <div className="designer-layout">
        <div className="designer-stage">
          <DesignerCanvas
            design={design}
            selectedKey={selectedKey}
            onSelect={setSelectedKey}
            onMove={moveField}
            backgroundIsPdf={backgroundIsPdf}
          />
          <p id="designer-move-hint" className="field-hint">
            {t('certificates.designer.moveHint')}
          </p>
        </div>

        <aside className="designer-side" aria-label={t('certificates.designer.sideLabel')}>
          {selected && (
            <FieldInspector
              key={selected.key}
              field={selected}
              onChange={(patch) => patchField(selected.key, patch)}
              onRemove={() => {
                update((d) => ({ ...d, fields: d.fields.filter((f) => f.key !== selected.key) }));
                setSelectedKey(null);
              }}
            />
          )}

          <section className="designer-panel" aria-labelledby="designer-add-title">
            <h3 id="designer-add-title" className="designer-panel-title">
              {t('certificates.designer.addTitle')}
            </h3>
            <div className="designer-add">
              <SelectField label={t('certificates.designer.fieldKind')} name="kind" value={kindToAdd} onChange={(e) => setKindToAdd(e.target.value as TFieldKind)}>
                {FIELD_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`certificates.fieldKinds.${kind}`)}
                  </option>
                ))}
              </SelectField>
              <button type="button" className="btn btn-secondary" onClick={addField}>
                {t('certificates.designer.addField')}
              </button>
            </div>
            <ul className="designer-field-list" aria-label={t('certificates.designer.fieldListLabel')}>
              {design.fields.map((field) => (
                <li key={field.key}>
                  <button
                    type="button"
                    className={field.key === selectedKey ? 'designer-field-pick is-selected' : 'designer-field-pick'}
                    aria-pressed={field.key === selectedKey}
                    onClick={() => setSelectedKey(field.key)}
                  >
                    {t(`certificates.fieldKinds.${field.kind}`)}
                    {field.kind === 'free_text' && field.text ? <span className="cell-sub">{field.text}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          </section>

          <section className="designer-panel" aria-labelledby="designer-template-title">
            <h3 id="designer-template-title" className="designer-panel-title">
              {t('certificates.designer.templateTitle')}
            </h3>
            <div className="form-stack">
              <TextField
                label={t('certificates.templates.name')}
                name="name"
                required
                value={design.name}
                onChange={(e) => update((d) => ({ ...d, name: e.target.value }))}
              />
              <fieldset className="fieldset">
                <legend className="field-label">{t('certificates.designer.orientationLabel')}</legend>
                <div className="radio-list radio-inline">
                  {ORIENTATIONS.map((orientation) => (
                    <label key={orientation} className="radio">
                      <input
                        type="radio"
                        name="orientation"
                        value={orientation}
                        checked={design.orientation === orientation}
                        onChange={() => update((d) => ({ ...d, orientation, fields: d.fields.map((f) => reorient(f, d.orientation, orientation)) }))}
                      />
                      <span>{t(`certificates.orientation.${orientation}`)}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <AssetField
                kind="background"
                assetId={design.backgroundAssetId}
                onUploaded={(asset) => {
                  setBackgroundIsPdf(asset.contentType === 'application/pdf');
                  update((d) => ({ ...d, backgroundAssetId: asset.id }));
                }}
                onRemove={() => update((d) => ({ ...d, backgroundAssetId: null }))}
              />
              <AssetField
                kind="logo"
                assetId={design.logoAssetId}
                onUploaded={(asset) => update((d) => ({ ...d, logoAssetId: asset.id }))}
                onRemove={() => update((d) => ({ ...d, logoAssetId: null }))}
              />
              <AssetField
                kind="signature"
                assetId={design.signatureAssetId}
                onUploaded={(asset) => update((d) => ({ ...d, signatureAssetId: asset.id }))}
                onRemove={() => update((d) => ({ ...d, signatureAssetId: null }))}
              />
              <TextField
                label={t('certificates.designer.signerName')}
                name="signer.name"
                required
                value={design.signer.name}
                onChange={(e) => update((d) => ({ ...d, signer: { ...d.signer, name: e.target.value } }))}
              />
              <TextField
                label={t('certificates.designer.signerTitle')}
                name="signer.title"
                value={design.signer.title}
                onChange={(e) => update((d) => ({ ...d, signer: { ...d.signer, title: e.target.value } }))}
              />
              <TextField
                label={t('certificates.designer.signerNip')}
                name="signer.nip"
                optional
                value={design.signer.nip ?? ''}
                onChange={(e) => update((d) => ({ ...d, signer: { ...d.signer, nip: e.target.value.trim() === '' ? null : e.target.value } }))}
              />
            </div>
          </section>
        </aside>
      </div>
    </div>
  );
}
