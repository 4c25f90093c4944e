import { DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pageSize } from '@asah/contracts/certificates';
import { assetUrl } from '../certificate-paths';
import type { DesignerField, DesignerState } from '../designer-model';
import { CanvasField } from './CanvasField';

interface DesignerCanvasProps {
  design: DesignerState;
  selectedKey: string | null;
  onSelect: (key: string | null) => void;
  /** Moves a field by a distance in points (drag or keyboard). */
  onMove: (key: string, dx: number, dy: number) => void;
  /** The background is a PDF: the browser cannot draw it here, the PDF preview shows it. */
  backgroundIsPdf: boolean;
}

/**
 * The page at scale: one CSS pixel is `scale` points, so the design keeps its proportions at any
 * width. Fields are dragged with the pointer (dnd-kit) or moved with the arrow keys once focused.
 */
export function DesignerCanvas({ design, selectedKey, onSelect, onMove, backgroundIsPdf }: DesignerCanvasProps) {
  const { t } = useTranslation();
  const page = pageSize(design.orientation);
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(720);
  const [backgroundFailed, setBackgroundFailed] = useState(false);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 3 } }));

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(240, Math.floor(entry!.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => setBackgroundFailed(false), [design.backgroundAssetId]);

  const scale = width / page.width;
  const onDragEnd = ({ active, delta }: DragEndEvent) => {
    if (delta.x === 0 && delta.y === 0) return;
    onMove(String(active.id), delta.x / scale, delta.y / scale);
  };
  const showPdfNote = design.backgroundAssetId && (backgroundIsPdf || backgroundFailed);

  return (
    <div className="designer-canvas-frame" ref={frame}>
      <div
        className="designer-canvas"
        style={{ width, height: page.height * scale }}
        role="group"
        aria-label={t('certificates.designer.canvasLabel', { orientation: t(`certificates.orientation.${design.orientation}`) })}
        data-testid="designer-canvas"
        onPointerDown={(event) => {
          if (event.target === event.currentTarget) onSelect(null);
        }}
      >
        {design.backgroundAssetId && !showPdfNote && (
          <img className="designer-background" src={assetUrl(design.backgroundAssetId)} alt="" onError={() => setBackgroundFailed(true)} draggable={false} />
        )}
        {showPdfNote && <p className="designer-background-note">{t('certificates.designer.pdfBackgroundNote')}</p>}
        <DndContext sensors={sensors} onDragEnd={onDragEnd}>
          {design.fields.map((field: DesignerField) => (
            <CanvasField
              key={field.key}
              field={field}
              design={design}
              scale={scale}
              selected={field.key === selectedKey}
              onSelect={() => onSelect(field.key)}
              onNudge={(dx, dy) => onMove(field.key, dx, dy)}
            />
          ))}
        </DndContext>
      </div>
    </div>
  );
}
