import { Button, Code, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { OwnerLabel } from '../agents/OwnerLabel';
import { fullTime, timeAgo } from '../lib/format';
import { HANDLER_TYPES } from './command-form';
import type { Command } from './use-commands';

const handlerLabel = (config: Record<string, unknown>) =>
  HANDLER_TYPES.find((t) => t.value === config.type)?.label ?? 'Not valid: edit it to fix';

/** The custom commands as a table, with Edit and Delete where I may. */
export function CommandTable({
  commands,
  myUserId,
  teamNames,
  onEdit,
  onDelete,
}: {
  commands: Command[];
  myUserId: string | undefined;
  teamNames: Map<string, string>;
  onEdit: (command: Command) => void;
  onDelete: (command: Command) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Custom commands">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Command</Table.Th>
            <Table.Th>Pattern</Table.Th>
            <Table.Th>Does</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Changed</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {commands.map((command) => (
            <Table.Tr key={command.id} data-command-name={command.name}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {command.name}
                </Text>
                {command.description && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {command.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Code>{command.command_pattern}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{handlerLabel(command.handler_config)}</Text>
              </Table.Td>
              <Table.Td>
                <OwnerLabel
                  owner={command.owner}
                  isPublic={command.is_public}
                  myUserId={myUserId}
                  teamNames={teamNames}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" title={fullTime(command.updated_at)}>
                  {timeAgo(command.updated_at)}
                </Text>
              </Table.Td>
              <Table.Td>
                {command.abilities.can_edit || command.abilities.can_delete ? (
                  <Group gap={4} wrap="nowrap">
                    {command.abilities.can_edit && (
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconPencil size={14} />}
                        aria-label={`Edit ${command.name}`}
                        onClick={() => onEdit(command)}
                      >
                        Edit
                      </Button>
                    )}
                    {command.abilities.can_delete && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconTrash size={14} />}
                        aria-label={`Delete ${command.name}`}
                        onClick={() => onDelete(command)}
                      >
                        Delete
                      </Button>
                    )}
                  </Group>
                ) : (
                  <Text size="xs" c="dimmed">
                    Read-only
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
