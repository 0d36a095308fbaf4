import { Text } from '@mantine/core';
import { type ItemColumn, type OwnedItemRowsProps, OwnedItemTable } from './OwnedItemTable';
import { AGENT_TOOLS, toolLabel } from './tools';
import type { Agent } from './use-agents';

/** The agents as a table, with Edit and Delete where I may. */
export function AgentTable({
  agents,
  modelNames,
  ...rows
}: { agents: Agent[]; modelNames: Map<string, string> } & OwnedItemRowsProps<Agent>) {
  const columns: ItemColumn<Agent>[] = [
    {
      header: 'Model',
      cell: (agent) => {
        const model = typeof agent.settings.model_id === 'string' ? agent.settings.model_id : null;
        return <Text size="sm">{model ? (modelNames.get(model) ?? 'A model no longer listed') : 'Default'}</Text>;
      },
    },
    {
      header: 'Tools',
      cell: (agent) => {
        const tools = Array.isArray(agent.settings.tools) ? (agent.settings.tools as string[]) : null;
        return (
          <Text size="sm" title={tools?.map(toolLabel).join(', ')}>
            {tools === null ? 'All' : tools.length === 0 ? 'None' : `${tools.length} of ${AGENT_TOOLS.length}`}
          </Text>
        );
      },
    },
  ];
  return (
    <OwnedItemTable
      label="Agents"
      nameHeader="Agent"
      rowAttribute="data-agent-name"
      items={agents}
      columns={columns}
      {...rows}
    />
  );
}
