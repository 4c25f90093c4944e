import type { ReactNode } from 'react';

export function SuccessBanner({ children }: { children: ReactNode }) {
  return (
    <div className="banner banner-success" role="status">
      <p>{children}</p>
    </div>
  );
}
