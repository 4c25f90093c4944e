import { useTranslation } from 'react-i18next';

interface MoveButtonsProps {
  /** Names the item in the buttons' accessible names, e.g. "Naik: modul Pengantar". */
  name: string;
  canUp: boolean;
  canDown: boolean;
  disabled: boolean;
  onMove: (delta: -1 | 1) => void;
}

/** Plain alternatives to dragging, for keyboards, switch devices and anyone who prefers buttons. */
export function MoveButtons({ name, canUp, canDown, disabled, onMove }: MoveButtonsProps) {
  const { t } = useTranslation();
  return (
    <span className="move-buttons">
      <button type="button" className="btn btn-ghost btn-sm" aria-label={t('structure.moveUpNamed', { name })} disabled={disabled || !canUp} onClick={() => onMove(-1)}>
        <span aria-hidden="true">↑</span> <span className="move-label">{t('structure.moveUp')}</span>
      </button>
      <button type="button" className="btn btn-ghost btn-sm" aria-label={t('structure.moveDownNamed', { name })} disabled={disabled || !canDown} onClick={() => onMove(1)}>
        <span aria-hidden="true">↓</span> <span className="move-label">{t('structure.moveDown')}</span>
      </button>
    </span>
  );
}
