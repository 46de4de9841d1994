import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  low: 'green',
  moderate: 'yellow',
  substantial: 'orange',
  high: 'red',
};

/** A risk band: its word in the active language (the code as title). */
export function BandBadge({ band }: { band: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[band] ?? 'gray'} title={band}>
      {t(`band.${band}`, { defaultValue: band })}
    </Badge>
  );
}
