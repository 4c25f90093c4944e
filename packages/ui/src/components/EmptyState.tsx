import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  /** h1 when the empty state is the whole page. */
  headingLevel?: 'h1' | 'h2';
}

export function EmptyState({ title, description, action, headingLevel = 'h2' }: EmptyStateProps) {
  const Heading = headingLevel;
  return (
    <div className="empty-state">
      <svg className="empty-state-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <rect x="8" y="10" width="32" height="28" rx="4" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M8 20h32M17 28h14" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <Heading className="empty-state-title">{title}</Heading>
      {description && <div className="empty-state-text">{description}</div>}
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
