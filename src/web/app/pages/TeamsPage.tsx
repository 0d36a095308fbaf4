import { Button, Container, Stack, Text } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RowsSkeleton } from '../components/RowsSkeleton';
import { useTeams } from '../home/use-dashboards';
import { CreateTeamModal } from '../teams/CreateTeamModal';
import { InvitationsToMe } from '../teams/InvitationsToMe';
import { TeamTable } from '../teams/TeamTable';
import { useMyInvitations } from '../teams/use-teams';

/** Teams: invitations waiting for me, the teams I am in (with my role), and a way to make one. */
export default function TeamsPage() {
  const teams = useTeams();
  const invitations = useMyInvitations();
  const [creating, setCreating] = useState(false);

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <PageHeader
          title="Teams"
          action={
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              Create team
            </Button>
          }
        >
          People you share dashboards, datasets, agents and commands with.
        </PageHeader>
        {invitations.isError && (
          <ErrorAlert
            error={invitations.error}
            title="Your invitations could not be loaded"
            onRetry={() => invitations.refetch()}
          />
        )}
        <InvitationsToMe invitations={invitations.data ?? []} />
        {teams.isError ? (
          <ErrorAlert error={teams.error} title="Your teams could not be loaded" onRetry={() => teams.refetch()} />
        ) : teams.isPending ? (
          <RowsSkeleton label="Loading teams" />
        ) : teams.data.length === 0 ? (
          <EmptyState icon={<IconUsersGroup size={24} />} title="You are not in a team yet">
            <Text c="dimmed" ta="center" maw={460}>
              Create a team and invite people by email, or accept an invitation when someone invites you.
            </Text>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              Create team
            </Button>
          </EmptyState>
        ) : (
          <TeamTable teams={teams.data} />
        )}
      </Stack>
      <CreateTeamModal opened={creating} onClose={() => setCreating(false)} />
    </Container>
  );
}
