/** The Asah mark: a whetstone-like leaf, drawn inline so it needs no asset pipeline. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--color-primary)" />
      <path d="M9 22.5 16 8l7 14.5h-3.2L16 14.6l-3.8 7.9Z" fill="#fff" />
      <path d="M11.5 24h9" stroke="var(--color-accent-soft)" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}
