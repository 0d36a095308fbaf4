import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { components } from '../../api/schema';
import { NameWithDescription } from '../components/NameWithDescription';
import { TimeAgo } from '../components/TimeAgo';
import { EditDeleteActions } from './EditDeleteActions';
import { OwnerLabel } from './OwnerLabel';

/** What agents and custom commands have in common: a name, an owner, and what the caller may do. */
export interface OwnedItem {
  id: string;
  name: string;
  description: string | null;
  owner: components['schemas']['Owner'];
  is_public: boolean;
  updated_at: string;
  abilities: { can_edit: boolean; can_delete: boolean };
}

/** A column of the item's own between its name and its owner. */
export interface ItemColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

/** What a page hands a table of owned items besides the items: who I am, team names, the row actions. */
export interface OwnedItemRowsProps<T> {
  myUserId: string | undefined;
  teamNames: Map<string, string>;
  onEdit: (item: T) => void;
  onDelete: (item: T) => void;
}

/**
 * Items that people own and may share (agents, custom commands) as a table: the name and
 * description, the kind's own `columns`, then Owner, Changed, and Edit and Delete where allowed.
 * `rowAttribute` names each row by the item's name for tests and styles (`data-agent-name`).
 */
export function OwnedItemTable<T extends OwnedItem>({
  label,
  nameHeader,
  rowAttribute,
  items,
  columns,
  myUserId,
  teamNames,
  onEdit,
  onDelete,
}: {
  label: string;
  nameHeader: string;
  rowAttribute: `data-${string}`;
  items: T[];
  columns: ItemColumn<T>[];
} & OwnedItemRowsProps<T>) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{nameHeader}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column.header}>{column.header}</Table.Th>
            ))}
            <Table.Th>Owner</Table.Th>
            <Table.Th>Changed</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} {...{ [rowAttribute]: item.name }}>
              <Table.Td>
                <NameWithDescription description={item.description}>
                  <Text fw={600} size="sm">
                    {item.name}
                  </Text>
                </NameWithDescription>
              </Table.Td>
              {columns.map((column) => (
                <Table.Td key={column.header}>{column.cell(item)}</Table.Td>
              ))}
              <Table.Td>
                <OwnerLabel owner={item.owner} isPublic={item.is_public} myUserId={myUserId} teamNames={teamNames} />
              </Table.Td>
              <Table.Td>
                <TimeAgo date={item.updated_at} />
              </Table.Td>
              <Table.Td>
                <EditDeleteActions
                  name={item.name}
                  abilities={item.abilities}
                  onEdit={() => onEdit(item)}
                  onDelete={() => onDelete(item)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
