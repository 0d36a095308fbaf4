import { Anchor, Button, Container, Stack, Text } from '@mantine/core';
import { IconPlus, IconRobot } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { AgentFormModal } from '../agents/AgentFormModal';
import { AgentTable } from '../agents/AgentTable';
import { DeleteOwnedModal } from '../agents/DeleteOwnedModal';
import { OwnedItemsList } from '../agents/OwnedItemsList';
import { type Agent, useAgentList, useDeleteAgent, useModelOptions } from '../agents/use-agents';
import { useSession } from '../auth/use-session';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useTeamNames } from '../teams/use-team-lookups';

/** Agents: assistants with their own instructions, model and tools, picked in a chat. */
export default function AgentsPage() {
  const session = useSession();
  const list = useAgentList();
  const models = useModelOptions();
  const remove = useDeleteAgent();
  const [editing, setEditing] = useState<{ agent: Agent | null } | null>(null);
  const [deleting, setDeleting] = useState<Agent | null>(null);
  const teamNames = useTeamNames();
  const modelNames = new Map((models.data ?? []).map((m) => [m.value, m.label]));
  const create = () => setEditing({ agent: null });

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <PageHeader
          title="Agents"
          action={
            <Button leftSection={<IconPlus size={16} />} onClick={create}>
              New agent
            </Button>
          }
        >
          Assistants with their own instructions, model and tools. Pick one in a{' '}
          <Anchor component={Link} to="/chat" size="sm">
            chat
          </Anchor>
          .
        </PageHeader>
        <OwnedItemsList
          query={list}
          noun="agents"
          empty={
            <EmptyState icon={<IconRobot size={24} />} title="No agents yet">
              <Text c="dimmed" ta="center" maw={480}>
                An agent is the assistant with a role: “Finance analyst: answer in EUR, prefer monthly charts”. Make
                one, then pick it in a chat.
              </Text>
              <Button leftSection={<IconPlus size={16} />} onClick={create}>
                New agent
              </Button>
            </EmptyState>
          }
        >
          {(agents) => (
            <AgentTable
              agents={agents}
              modelNames={modelNames}
              myUserId={session?.user.id}
              teamNames={teamNames}
              onEdit={(agent) => setEditing({ agent })}
              onDelete={setDeleting}
            />
          )}
        </OwnedItemsList>
      </Stack>
      <AgentFormModal opened={editing !== null} agent={editing?.agent ?? null} onClose={() => setEditing(null)} />
      <DeleteOwnedModal kind="agent" item={deleting} remove={remove} onClose={() => setDeleting(null)} />
    </Container>
  );
}
