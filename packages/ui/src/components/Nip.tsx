import { formatNip } from '@asah/contracts/nip';
import { useTranslation } from 'react-i18next';

/** A NIP as people read it, grouped 8-6-1-3: `19860926 201505 1 001`. */
export function Nip({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <span className="muted">{t('common.none')}</span>;
  return <span className="nip">{formatNip(value)}</span>;
}
