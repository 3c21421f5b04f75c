import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A small green (在岗 / available) or grey (暂离 / away) dot, named for screen readers. */
export function AvailabilityDot({ available, size = 8 }: { available: boolean; size?: number }) {
  const { t } = useTranslation();
  const label = t(available ? 'availability.available' : 'availability.away');
  return (
    <Box
      component="span"
      role="img"
      aria-label={label}
      title={label}
      data-available={available}
      display="inline-block"
      w={size}
      h={size}
      bg={available ? 'teal.6' : 'gray.5'}
      style={{ borderRadius: '50%', flex: 'none' }}
    />
  );
}
