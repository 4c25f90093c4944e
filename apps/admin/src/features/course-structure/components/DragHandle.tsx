import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';

interface DragHandleProps {
  label: string;
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
  setRef: (element: HTMLElement | null) => void;
  disabled?: boolean;
}

/**
 * The only part of a row that starts a drag (pointer or Space/Enter then arrows). Only it sets
 * `touch-action: none`, so on a phone the rest of the list still scrolls under a finger.
 */
export function DragHandle({ label, attributes, listeners, setRef, disabled }: DragHandleProps) {
  return (
    <button
      type="button"
      ref={setRef}
      className="drag-handle"
      {...attributes}
      {...listeners}
      aria-label={label}
      title={label}
      disabled={disabled}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
        {[6, 10, 14].map((y) => (
          <g key={y} fill="currentColor">
            <circle cx="7.5" cy={y} r="1.5" />
            <circle cx="12.5" cy={y} r="1.5" />
          </g>
        ))}
      </svg>
    </button>
  );
}
