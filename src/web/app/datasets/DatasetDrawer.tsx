import {
  Badge,
  Button,
  Code,
  Drawer,
  Group,
  Pagination,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconEdit, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { fullTime, timeAgo } from '../lib/format';
import { OwnerBadge } from './DatasetTable';
import { formatBytes, formatCount } from './format';
import { kindColor, PreviewTable } from './PreviewTable';
import { type Dataset, ROWS_PAGE_SIZE, useDataset, useDatasetRows } from './use-datasets';

interface DatasetDrawerProps {
  datasetId: string | null;
  myUserId: string | undefined;
  teamNames: Map<string, string>;
  onClose: () => void;
  onReload: (dataset: Dataset) => void;
  onRename: (dataset: Dataset) => void;
  onDelete: (dataset: Dataset) => void;
}

/** A dataset in detail: what it is, its columns, its rows a page at a time, and what can be done with it. */
export function DatasetDrawer({ datasetId, onClose, ...rest }: DatasetDrawerProps) {
  const dataset = useDataset(datasetId);
  return (
    <Drawer
      opened={datasetId !== null}
      onClose={onClose}
      position="right"
      size="min(960px, 100vw)"
      title={dataset.data?.name ?? 'Dataset'}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {dataset.isError ? (
        <ErrorAlert error={dataset.error} title="The dataset could not be loaded" onRetry={() => dataset.refetch()} />
      ) : dataset.isPending ? (
        <Stack role="status" aria-label="Loading the dataset">
          <Skeleton h={60} />
          <Skeleton h={200} />
        </Stack>
      ) : (
        // Keyed by version, so the rows start at the first page after a reload.
        <DatasetDetail key={`${dataset.data.id}:${dataset.data.data_version}`} dataset={dataset.data} {...rest} />
      )}
    </Drawer>
  );
}

function DatasetDetail({
  dataset,
  myUserId,
  teamNames,
  onReload,
  onRename,
  onDelete,
}: Omit<DatasetDrawerProps, 'datasetId' | 'onClose'> & { dataset: Dataset }) {
  const [page, setPage] = useState(1);
  const offset = (page - 1) * ROWS_PAGE_SIZE;
  const rows = useDatasetRows(dataset, offset);
  const pages = Math.max(1, Math.ceil(dataset.row_count / ROWS_PAGE_SIZE));
  const source = dataset.source as { file_name?: unknown };

  return (
    <Stack gap="lg">
      {dataset.description && <Text c="dimmed">{dataset.description}</Text>}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Fact label="Rows" value={formatCount(dataset.row_count)} />
        <Fact label="Size" value={formatBytes(dataset.size_bytes)} />
        <Fact label="Columns" value={String(dataset.columns.length)} />
        <Fact
          label="Loaded"
          value={dataset.loaded_at ? timeAgo(dataset.loaded_at) : 'Not yet'}
          title={dataset.loaded_at ? fullTime(dataset.loaded_at) : undefined}
        />
      </SimpleGrid>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Table
        </Text>
        <Code>{dataset.table_name}</Code>
        <OwnerBadge dataset={dataset} myUserId={myUserId} teamNames={teamNames} />
        {typeof source.file_name === 'string' && (
          <Text size="sm" c="dimmed">
            from {source.file_name}
          </Text>
        )}
      </Group>
      {dataset.abilities.can_edit || dataset.abilities.can_delete ? (
        <Group gap="xs">
          {dataset.abilities.can_edit && (
            <>
              <Button size="xs" leftSection={<IconUpload size={14} />} onClick={() => onReload(dataset)}>
                Replace or append data
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconEdit size={14} />}
                onClick={() => onRename(dataset)}
              >
                Rename
              </Button>
            </>
          )}
          {dataset.abilities.can_delete && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={() => onDelete(dataset)}
            >
              Delete
            </Button>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          You can read this dataset; its owner’s editors can change it.
        </Text>
      )}

      <Stack gap="xs" component="section" aria-labelledby="dataset-columns-title">
        <Title order={3} size="h5" id="dataset-columns-title">
          Columns
        </Title>
        <Table withTableBorder fz="sm" aria-label="Columns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Kind</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dataset.columns.map((column) => (
              <Table.Tr key={column.name}>
                <Table.Td fw={500}>{column.name}</Table.Td>
                <Table.Td>
                  <Code>{column.type}</Code>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={kindColor(column.kind)}>
                    {column.kind}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="dataset-rows-title">
        <Group justify="space-between">
          <Title order={3} size="h5" id="dataset-rows-title">
            Rows
          </Title>
          {dataset.row_count > 0 && (
            <Text size="xs" c="dimmed" role="status">
              {rows.isFetching ? 'Loading…' : ''} Rows {formatCount(offset + 1)}–
              {formatCount(Math.min(offset + ROWS_PAGE_SIZE, dataset.row_count))} of {formatCount(dataset.row_count)}
            </Text>
          )}
        </Group>
        {dataset.row_count === 0 ? (
          <Text size="sm" c="dimmed">
            This dataset has no rows yet. Replace its data with a file to fill it.
          </Text>
        ) : rows.isError ? (
          <ErrorAlert error={rows.error} title="The rows could not be loaded" onRetry={() => rows.refetch()} />
        ) : rows.data ? (
          <PreviewTable result={rows.data} caption={`Rows of ${dataset.name}`} firstRow={offset + 1} />
        ) : (
          <Skeleton h={240} aria-label="Loading rows" />
        )}
        {pages > 1 && (
          <Group justify="center">
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              size="sm"
              siblings={1}
              getControlProps={(control) => ({
                'aria-label': control === 'next' ? 'Next rows' : control === 'previous' ? 'Previous rows' : control,
              })}
            />
          </Group>
        )}
      </Stack>
    </Stack>
  );
}

function Fact({ label, value, title }: { label: string; value: string; title?: string | undefined }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} size="lg" title={title}>
        {value}
      </Text>
    </Stack>
  );
}
