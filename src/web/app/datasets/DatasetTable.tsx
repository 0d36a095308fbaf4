import { Anchor, Badge, Code, Table, Text } from '@mantine/core';
import { IconLock, IconUsers } from '@tabler/icons-react';
import { NameWithDescription } from '../components/NameWithDescription';
import { TimeAgo } from '../components/TimeAgo';
import { formatBytes, formatCount } from './format';
import type { Dataset } from './use-datasets';

interface DatasetTableProps {
  datasets: Dataset[];
  myUserId: string | undefined;
  teamNames: Map<string, string>;
  onOpen: (dataset: Dataset) => void;
}

/** The datasets as a table; a dataset's name opens its details. */
export function DatasetTable({ datasets, myUserId, teamNames, onOpen }: DatasetTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Datasets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Table name</Table.Th>
            <Table.Th ta="right">Rows</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
            <Table.Th ta="right">Columns</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Loaded</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {datasets.map((dataset) => (
            <Table.Tr key={dataset.id} data-dataset-id={dataset.id}>
              <Table.Td>
                <NameWithDescription description={dataset.description}>
                  <Anchor component="button" type="button" fw={600} onClick={() => onOpen(dataset)} ta="left">
                    {dataset.name}
                  </Anchor>
                </NameWithDescription>
              </Table.Td>
              <Table.Td>
                <Code>{dataset.table_name}</Code>
              </Table.Td>
              <Table.Td ta="right" data-column="rows">
                {formatCount(dataset.row_count)}
              </Table.Td>
              <Table.Td ta="right">{formatBytes(dataset.size_bytes)}</Table.Td>
              <Table.Td ta="right">{dataset.columns.length}</Table.Td>
              <Table.Td>
                <OwnerBadge dataset={dataset} myUserId={myUserId} teamNames={teamNames} />
              </Table.Td>
              <Table.Td>
                {dataset.loaded_at ? (
                  <TimeAgo date={dataset.loaded_at} />
                ) : (
                  <Text size="sm" c="dimmed">
                    Not loaded
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function OwnerBadge({
  dataset,
  myUserId,
  teamNames,
}: {
  dataset: Dataset;
  myUserId: string | undefined;
  teamNames: Map<string, string>;
}) {
  if (dataset.owner.type === 'team') {
    return (
      <Badge variant="default" leftSection={<IconUsers size={12} />}>
        {teamNames.get(dataset.owner.team_id) ?? 'Team'}
      </Badge>
    );
  }
  return (
    <Badge variant="default" leftSection={<IconLock size={12} />}>
      {dataset.owner.user_id === myUserId ? 'You' : 'Another user'}
    </Badge>
  );
}
