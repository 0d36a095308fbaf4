import { Code, Text } from '@mantine/core';
import { type ItemColumn, type OwnedItemRowsProps, OwnedItemTable } from '../agents/OwnedItemTable';
import { HANDLER_TYPES } from './command-form';
import type { Command } from './use-commands';

const handlerLabel = (config: Record<string, unknown>) =>
  HANDLER_TYPES.find((t) => t.value === config.type)?.label ?? 'Not valid: edit it to fix';

const COLUMNS: ItemColumn<Command>[] = [
  { header: 'Pattern', cell: (command) => <Code>{command.command_pattern}</Code> },
  { header: 'Does', cell: (command) => <Text size="sm">{handlerLabel(command.handler_config)}</Text> },
];

/** The custom commands as a table, with Edit and Delete where I may. */
export function CommandTable({ commands, ...rows }: { commands: Command[] } & OwnedItemRowsProps<Command>) {
  return (
    <OwnedItemTable
      label="Custom commands"
      nameHeader="Command"
      rowAttribute="data-command-name"
      items={commands}
      columns={COLUMNS}
      {...rows}
    />
  );
}
