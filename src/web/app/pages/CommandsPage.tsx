import { Anchor, Button, Code, Container, Stack, Text } from '@mantine/core';
import { IconPlus, IconSlash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { DeleteOwnedModal } from '../agents/DeleteOwnedModal';
import { OwnedItemsList } from '../agents/OwnedItemsList';
import { useSession } from '../auth/use-session';
import { CommandFormModal } from '../commands/CommandFormModal';
import { CommandTable } from '../commands/CommandTable';
import { type Command, useCommandList, useDeleteCommand } from '../commands/use-commands';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useTeamNames } from '../teams/use-team-lookups';

/** Custom commands: slash commands of one's own that a chat message can call. */
export default function CommandsPage() {
  const session = useSession();
  const list = useCommandList();
  const remove = useDeleteCommand();
  const [editing, setEditing] = useState<{ command: Command | null } | null>(null);
  const [deleting, setDeleting] = useState<Command | null>(null);
  const teamNames = useTeamNames();
  const create = () => setEditing({ command: null });

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <PageHeader
          title="Custom commands"
          action={
            <Button leftSection={<IconPlus size={16} />} onClick={create}>
              New command
            </Button>
          }
        >
          Shortcuts for the{' '}
          <Anchor component={Link} to="/chat" size="sm">
            chat
          </Anchor>
          : a message that matches a pattern sends a prompt, asks an agent, runs a tool or calls a webhook.
        </PageHeader>
        <OwnedItemsList
          query={list}
          noun="commands"
          empty={
            <EmptyState icon={<IconSlash size={24} />} title="No custom commands yet">
              <Text c="dimmed" ta="center" maw={500}>
                For example <Code>/report monthly</Code> could send “Make a monthly revenue report with a chart per
                region” to the assistant. Write one and try it before saving.
              </Text>
              <Button leftSection={<IconPlus size={16} />} onClick={create}>
                New command
              </Button>
            </EmptyState>
          }
        >
          {(commands) => (
            <CommandTable
              commands={commands}
              myUserId={session?.user.id}
              teamNames={teamNames}
              onEdit={(command) => setEditing({ command })}
              onDelete={setDeleting}
            />
          )}
        </OwnedItemsList>
      </Stack>
      <CommandFormModal opened={editing !== null} command={editing?.command ?? null} onClose={() => setEditing(null)} />
      <DeleteOwnedModal kind="command" item={deleting} remove={remove} onClose={() => setDeleting(null)} />
    </Container>
  );
}
