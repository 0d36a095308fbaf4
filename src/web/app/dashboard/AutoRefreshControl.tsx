import { Group, Select, Text } from '@mantine/core';
import { IconClockPlay } from '@tabler/icons-react';
import { REFRESH_CHOICES, refreshLabel } from './refresh-interval';

interface AutoRefreshControlProps {
  /** "off", or an interval such as "1m". */
  value: string;
  onChange: (value: string) => void;
  lastRefreshed: number;
}

/** How often the dashboard loads its charts' data again by itself, and when it last did. */
export function AutoRefreshControl({ value, onChange, lastRefreshed }: AutoRefreshControlProps) {
  const offered: { value: string; label: string }[] = [...REFRESH_CHOICES];
  // An interval from a shared link that the list does not offer still shows as chosen.
  if (!offered.some((choice) => choice.value === value)) offered.push({ value, label: refreshLabel(value) });
  const at = new Date(lastRefreshed);
  return (
    <Group gap={6} wrap="nowrap">
      {value !== 'off' && (
        <Text size="xs" c="dimmed" title={at.toLocaleString()} data-testid="last-refreshed">
          Refreshed {at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
        </Text>
      )}
      <Select
        size="xs"
        w={110}
        aria-label="Auto-refresh"
        leftSection={<IconClockPlay size={14} aria-hidden />}
        data={offered}
        value={value}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        onChange={(next) => next && onChange(next)}
      />
    </Group>
  );
}
