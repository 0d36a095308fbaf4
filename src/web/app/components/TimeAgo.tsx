import { Text } from '@mantine/core';
import { fullTime, timeAgo } from '../lib/format';

/** A moment as "3 hours ago", with the full date and time on hover: the usual table cell for a date. */
export function TimeAgo({ date }: { date: string }) {
  return (
    <Text size="sm" title={fullTime(date)}>
      {timeAgo(date)}
    </Text>
  );
}
