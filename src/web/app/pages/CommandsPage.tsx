import { Anchor, Button, Code, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconSlash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { DeleteOwnedModal } from '../agents/DeleteOwnedModal';
import { useSession } from '../auth/use-session';
import { CommandFormModal } from '../commands/CommandFormModal';
import { CommandTable } from '../commands/CommandTable';
import { type Command, useCommandList, useDeleteCommand } from '../commands/use-commands';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useTeams } from '../home/use-dashboards';

/** Custom commands: slash commands of one's own that a chat message can call. */
export default function CommandsPage() {
  const session = useSession();
  const list = useCommandList();
  const teams = useTeams();
  const remove = useDeleteCommand();
  const [editing, setEditing] = useState<{ command: Command | null } | null>(null);
  const [deleting, setDeleting] = useState<Command | null>(null);
  const teamNames = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  const create = () => setEditing({ command: null });

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between">
          <div>
            <Title order={1} size="h2">
              Custom commands
            </Title>
            <Text c="dimmed" size="sm">
              Shortcuts for the{' '}
              <Anchor component={Link} to="/chat" size="sm">
                chat
              </Anchor>
              : a message that matches a pattern sends a prompt, asks an agent, runs a tool or calls a webhook.
            </Text>
          </div>
          <Button leftSection={<IconPlus size={16} />} onClick={create}>
            New command
          </Button>
        </Group>
        {list.isError ? (
          <ErrorAlert error={list.error} title="The commands could not be loaded" onRetry={() => list.refetch()} />
        ) : list.isPending ? (
          <Stack role="status" aria-label="Loading commands" gap="xs">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={44} radius="sm" />
            ))}
          </Stack>
        ) : list.data.items.length === 0 ? (
          <EmptyState icon={<IconSlash size={24} />} title="No custom commands yet">
            <Text c="dimmed" ta="center" maw={500}>
              For example <Code>/report monthly</Code> could send “Make a monthly revenue report with a chart per
              region” to the assistant. Write one and try it before saving.
            </Text>
            <Button leftSection={<IconPlus size={16} />} onClick={create}>
              New command
            </Button>
          </EmptyState>
        ) : (
          <>
            <CommandTable
              commands={list.data.items}
              myUserId={session?.user.id}
              teamNames={teamNames}
              onEdit={(command) => setEditing({ command })}
              onDelete={setDeleting}
            />
            {list.data.next_cursor && (
              <Text size="sm" c="dimmed">
                Showing the 100 most recent commands.
              </Text>
            )}
          </>
        )}
      </Stack>
      <CommandFormModal opened={editing !== null} command={editing?.command ?? null} onClose={() => setEditing(null)} />
      <DeleteOwnedModal kind="command" item={deleting} remove={remove} onClose={() => setDeleting(null)} />
    </Container>
  );
}
