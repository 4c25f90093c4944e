import { useEffect, useId, useRef, useState } from 'react';

interface SearchFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Waits this long after the last keystroke before searching; Enter searches at once. */
  delayMs?: number;
  className?: string;
}

/** Server-side search box: types freely, asks the API only once the user pauses. */
export function SearchField({ label, value, onChange, placeholder, delayMs = 350, className }: SearchFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const latest = useRef(onChange);
  latest.current = onChange;

  // Follow outside changes (back button, "clear filters").
  useEffect(() => setText(value), [value]);

  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = setTimeout(() => latest.current(text.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, delayMs]);

  return (
    <div className={['field', 'field-search', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="input input-search"
        value={text}
        placeholder={placeholder}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onChange(text.trim());
          }
        }}
      />
    </div>
  );
}
