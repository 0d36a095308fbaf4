// The assistant's tools, as an agent's settings.tools names them (src/ai/tools/contracts.ts,
// TOOL_NAMES; a unit test keeps the two lists equal). Listed here rather than imported, so the
// settings pages do not load the tools' schemas into the browser.

export const AGENT_TOOLS = [
  { name: 'list_datasets', label: 'List datasets', group: 'Data' },
  { name: 'describe_dataset', label: 'Describe a dataset', group: 'Data' },
  { name: 'run_query', label: 'Run queries', group: 'Data' },
  { name: 'make_chart', label: 'Make charts', group: 'Data' },
  { name: 'find_dashboards', label: 'Find dashboards', group: 'Dashboards' },
  { name: 'create_dashboard', label: 'Create dashboards', group: 'Dashboards' },
  { name: 'create_tab', label: 'Add tabs', group: 'Dashboards' },
  { name: 'add_chart', label: 'Add charts to dashboards', group: 'Dashboards' },
  { name: 'update_chart', label: 'Change charts', group: 'Dashboards' },
  { name: 'remove_chart', label: 'Remove charts', group: 'Dashboards' },
  { name: 'save_to_workspace', label: 'Save to the workspace', group: 'Other' },
  { name: 'search_chats', label: 'Search earlier chats', group: 'Other' },
] as const;

export type AgentToolName = (typeof AGENT_TOOLS)[number]['name'];

export const toolLabel = (name: string) => AGENT_TOOLS.find((t) => t.name === name)?.label ?? name;
