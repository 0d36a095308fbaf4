import { Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { RowsSkeleton } from '../components/RowsSkeleton';

/**
 * The body of a page of agents or custom commands (the API sends the 100 most recent): while it
 * loads, grey rows; if it failed, why, with Retry; with none, `empty`; else the table (`children`),
 * and a note when there are more. `noun` is the plural the messages use ("agents").
 */
export function OwnedItemsList<T>({
  query,
  noun,
  empty,
  children,
}: {
  query: UseQueryResult<{ items: T[]; next_cursor?: string | null }>;
  noun: string;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isError) {
    return <ErrorAlert error={query.error} title={`The ${noun} could not be loaded`} onRetry={() => query.refetch()} />;
  }
  if (query.isPending) return <RowsSkeleton label={`Loading ${noun}`} />;
  if (query.data.items.length === 0) return empty;
  return (
    <>
      {children(query.data.items)}
      {query.data.next_cursor && (
        <Text size="sm" c="dimmed">
          Showing the 100 most recent {noun}.
        </Text>
      )}
    </>
  );
}
