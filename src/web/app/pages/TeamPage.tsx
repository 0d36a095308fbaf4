import { Anchor, Button, Container, Divider, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/use-session';
import { ErrorAlert } from '../components/ErrorAlert';
import { DeleteTeamModal } from '../teams/DeleteTeamModal';
import { InviteForm } from '../teams/InviteForm';
import { MembersTable } from '../teams/MembersTable';
import { RenameTeamForm } from '../teams/RenameTeamForm';
import { RoleBadge } from '../teams/RoleBadge';
import { TeamInvitations } from '../teams/TeamInvitations';
import { useTeam } from '../teams/use-teams';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** One team: its members and roles; for admins also invitations, the team's name and deleting it. */
export default function TeamPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const team = useTeam(id);
  const [deleting, setDeleting] = useState(false);

  const back = (
    <Anchor component={Link} to="/teams" size="sm" underline="hover">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        All teams
      </Group>
    </Anchor>
  );

  if (team.isPending)
    return (
      <Container size="lg" py="lg">
        <Stack role="status" aria-label="Loading the team">
          <Skeleton h={32} w={240} />
          <Skeleton h={200} />
        </Stack>
      </Container>
    );
  if (team.isError)
    return (
      <Container size="lg" py="lg">
        <Stack>
          {back}
          <ErrorAlert error={team.error} title="This team could not be opened" onRetry={() => team.refetch()} />
        </Stack>
      </Container>
    );

  const data = team.data;
  const isAdmin = data.my_role === 'admin';
  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Stack gap={4}>
          {back}
          <Group gap="sm">
            <Title order={1} size="h2">
              {data.name}
            </Title>
            <Group gap={6} role="group" aria-label="Your role">
              <Text size="sm" c="dimmed">
                You are
              </Text>
              <RoleBadge role={data.my_role} />
            </Group>
          </Group>
          {data.description && <Text c="dimmed">{data.description}</Text>}
          {!isAdmin && (
            <Text size="sm" c="dimmed">
              Only the team’s admins can change members, roles and invitations.
            </Text>
          )}
        </Stack>
        <Section id="team-members" title={`Members (${data.members.length})`}>
          <MembersTable team={data} myUserId={session?.user.id} />
        </Section>
        {isAdmin && (
          <Section id="team-invitations" title="Invitations">
            <Stack>
              <InviteForm teamId={data.id} />
              <Divider />
              <TeamInvitations teamId={data.id} />
            </Stack>
          </Section>
        )}
        {isAdmin && (
          <Section id="team-settings" title="Settings">
            <Stack>
              <RenameTeamForm team={data} />
              <Divider />
              <Group justify="space-between">
                <div>
                  <Text fw={600}>Delete this team</Text>
                  <Text size="sm" c="dimmed">
                    Its dashboards, agents and commands are deleted for everyone.
                  </Text>
                </div>
                <Button color="red" variant="light" onClick={() => setDeleting(true)}>
                  Delete team
                </Button>
              </Group>
            </Stack>
          </Section>
        )}
      </Stack>
      {isAdmin && <DeleteTeamModal team={data} opened={deleting} onClose={() => setDeleting(false)} />}
    </Container>
  );
}
