import { Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { fullTime, timeAgo } from '../lib/format';
import { OwnerLabel } from './OwnerLabel';
import { AGENT_TOOLS, toolLabel } from './tools';
import type { Agent } from './use-agents';

/** The agents as a table, with Edit and Delete where I may. */
export function AgentTable({
  agents,
  modelNames,
  myUserId,
  teamNames,
  onEdit,
  onDelete,
}: {
  agents: Agent[];
  modelNames: Map<string, string>;
  myUserId: string | undefined;
  teamNames: Map<string, string>;
  onEdit: (agent: Agent) => void;
  onDelete: (agent: Agent) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Agents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Agent</Table.Th>
            <Table.Th>Model</Table.Th>
            <Table.Th>Tools</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Changed</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((agent) => {
            const model = typeof agent.settings.model_id === 'string' ? agent.settings.model_id : null;
            const tools = Array.isArray(agent.settings.tools) ? (agent.settings.tools as string[]) : null;
            return (
              <Table.Tr key={agent.id} data-agent-name={agent.name}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {agent.name}
                  </Text>
                  {agent.description && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {agent.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{model ? (modelNames.get(model) ?? 'A model no longer listed') : 'Default'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={tools?.map(toolLabel).join(', ')}>
                    {tools === null ? 'All' : tools.length === 0 ? 'None' : `${tools.length} of ${AGENT_TOOLS.length}`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <OwnerLabel
                    owner={agent.owner}
                    isPublic={agent.is_public}
                    myUserId={myUserId}
                    teamNames={teamNames}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={fullTime(agent.updated_at)}>
                    {timeAgo(agent.updated_at)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {agent.abilities.can_edit || agent.abilities.can_delete ? (
                    <Group gap={4} wrap="nowrap">
                      {agent.abilities.can_edit && (
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconPencil size={14} />}
                          aria-label={`Edit ${agent.name}`}
                          onClick={() => onEdit(agent)}
                        >
                          Edit
                        </Button>
                      )}
                      {agent.abilities.can_delete && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={14} />}
                          aria-label={`Delete ${agent.name}`}
                          onClick={() => onDelete(agent)}
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
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
