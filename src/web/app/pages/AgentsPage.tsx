import { Anchor, Button, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconRobot } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { AgentFormModal } from '../agents/AgentFormModal';
import { AgentTable } from '../agents/AgentTable';
import { DeleteOwnedModal } from '../agents/DeleteOwnedModal';
import { type Agent, useAgentList, useDeleteAgent, useModelOptions } from '../agents/use-agents';
import { useSession } from '../auth/use-session';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useTeams } from '../home/use-dashboards';

/** Agents: assistants with their own instructions, model and tools, picked in a chat. */
export default function AgentsPage() {
  const session = useSession();
  const list = useAgentList();
  const models = useModelOptions();
  const teams = useTeams();
  const remove = useDeleteAgent();
  const [editing, setEditing] = useState<{ agent: Agent | null } | null>(null);
  const [deleting, setDeleting] = useState<Agent | null>(null);
  const teamNames = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  const modelNames = new Map((models.data ?? []).map((m) => [m.value, m.label]));
  const create = () => setEditing({ agent: null });

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between">
          <div>
            <Title order={1} size="h2">
              Agents
            </Title>
            <Text c="dimmed" size="sm">
              Assistants with their own instructions, model and tools. Pick one in a{' '}
              <Anchor component={Link} to="/chat" size="sm">
                chat
              </Anchor>
              .
            </Text>
          </div>
          <Button leftSection={<IconPlus size={16} />} onClick={create}>
            New agent
          </Button>
        </Group>
        {list.isError ? (
          <ErrorAlert error={list.error} title="The agents could not be loaded" onRetry={() => list.refetch()} />
        ) : list.isPending ? (
          <Stack role="status" aria-label="Loading agents" gap="xs">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={44} radius="sm" />
            ))}
          </Stack>
        ) : list.data.items.length === 0 ? (
          <EmptyState icon={<IconRobot size={24} />} title="No agents yet">
            <Text c="dimmed" ta="center" maw={480}>
              An agent is the assistant with a role: “Finance analyst: answer in EUR, prefer monthly charts”. Make one,
              then pick it in a chat.
            </Text>
            <Button leftSection={<IconPlus size={16} />} onClick={create}>
              New agent
            </Button>
          </EmptyState>
        ) : (
          <>
            <AgentTable
              agents={list.data.items}
              modelNames={modelNames}
              myUserId={session?.user.id}
              teamNames={teamNames}
              onEdit={(agent) => setEditing({ agent })}
              onDelete={setDeleting}
            />
            {list.data.next_cursor && (
              <Text size="sm" c="dimmed">
                Showing the 100 most recent agents.
              </Text>
            )}
          </>
        )}
      </Stack>
      <AgentFormModal opened={editing !== null} agent={editing?.agent ?? null} onClose={() => setEditing(null)} />
      <DeleteOwnedModal kind="agent" item={deleting} remove={remove} onClose={() => setDeleting(null)} />
    </Container>
  );
}
