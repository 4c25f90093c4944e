import { useId } from 'react';

interface ProgressBarProps {
  label: string;
  /** 0–100; undefined shows a moving bar (the server is still working, length unknown). */
  percent?: number;
  /** Shown after the label, e.g. "12,5 MB dari 40 MB". */
  detail?: string;
}

/** A native <progress> with its label and a polite live summary for screen readers. */
export function ProgressBar({ label, percent, detail }: ProgressBarProps) {
  const id = useId();
  return (
    <div className="progress-field">
      <div className="progress-head">
        <span id={id} className="progress-label">
          {label}
        </span>
        <span className="progress-value" aria-live="polite">
          {percent === undefined ? detail : [`${percent}%`, detail].filter(Boolean).join(' · ')}
        </span>
      </div>
      <progress className="progress" aria-labelledby={id} max={100} value={percent}>
        {percent === undefined ? undefined : `${percent}%`}
      </progress>
    </div>
  );
}
