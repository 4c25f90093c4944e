import { useDraggable } from '@dnd-kit/core';
import type { CSSProperties, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { assetUrl } from '../certificate-paths';
import { fontCss, isImageKind, mmToPt, sampleText, type DesignerField, type DesignerState } from '../designer-model';
import { QrPlaceholder } from './QrPlaceholder';

interface CanvasFieldProps {
  field: DesignerField;
  design: DesignerState;
  scale: number;
  selected: boolean;
  onSelect: () => void;
  onNudge: (dx: number, dy: number) => void;
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** One placed field drawn with sample data where the PDF will draw it. */
export function CanvasField({ field, design, scale, selected, onSelect, onNudge }: CanvasFieldProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: field.key });
  const image = isImageKind(field.kind);
  const label = t(`certificates.fieldKinds.${field.kind}`);

  // Text is anchored at x by its alignment, as the PDF renderer does.
  const shift = image || field.align === 'left' ? '0' : field.align === 'center' ? '-50%' : '-100%';
  const drag = transform ? `translate(${transform.x}px, ${transform.y}px) ` : '';
  const style: CSSProperties = {
    left: field.x * scale,
    top: field.y * scale,
    transform: `${drag}translateX(${shift})`,
    ...(image
      ? { width: (field.width ?? 80) * scale, height: (field.height ?? 80) * scale }
      : {
          ...fontCss(field.font),
          fontSize: field.fontSize * scale,
          lineHeight: 1.15,
          color: field.color,
          textAlign: field.align,
          width: field.width ? field.width * scale : undefined,
          whiteSpace: field.width ? 'normal' : 'nowrap',
        }),
  };

  // Arrow keys move 1 mm, with Shift 10 mm: fine placement without a mouse.
  const onKeyDown = (event: KeyboardEvent) => {
    const arrow = ARROWS[event.key];
    if (!arrow) return;
    event.preventDefault();
    const step = mmToPt(event.shiftKey ? 10 : 1);
    onNudge(arrow[0] * step, arrow[1] * step);
  };

  return (
    <div
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      role="button"
      aria-roledescription={t('certificates.designer.fieldRole')}
      aria-label={t('certificates.designer.fieldLabel', { field: label })}
      aria-pressed={selected}
      aria-describedby="designer-move-hint"
      data-field-kind={field.kind}
      className={['designer-field', image ? 'designer-field-image' : null, selected ? 'is-selected' : null, isDragging ? 'is-dragging' : null]
        .filter(Boolean)
        .join(' ')}
      style={style}
      onFocus={onSelect}
      onPointerDown={(event) => {
        onSelect();
        listeners?.onPointerDown?.(event);
      }}
      onKeyDown={onKeyDown}
    >
      {image ? <ImageContent field={field} design={design} label={label} /> : sampleText(field, design.signer) || label}
    </div>
  );
}

function ImageContent({ field, design, label }: { field: DesignerField; design: DesignerState; label: string }) {
  if (field.kind === 'qr_code') return <QrPlaceholder />;
  const assetId = field.kind === 'signature_image' ? design.signatureAssetId : design.logoAssetId;
  if (assetId) return <img src={assetUrl(assetId)} alt="" draggable={false} />;
  return <span className="designer-image-empty">{label}</span>;
}
