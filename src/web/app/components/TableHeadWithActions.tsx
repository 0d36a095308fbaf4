import { Table, VisuallyHidden } from '@mantine/core';

/**
 * A table's header row: the named columns, then the row buttons' column, whose name "Actions"
 * only screen readers hear (the buttons say what they do).
 */
export function TableHeadWithActions({ columns }: { columns: string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => (
          <Table.Th key={column}>{column}</Table.Th>
        ))}
        <Table.Th>
          <VisuallyHidden>Actions</VisuallyHidden>
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}
