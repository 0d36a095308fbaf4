import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { NameWithDescription } from '../components/NameWithDescription';
import { TimeAgo } from '../components/TimeAgo';
import { RoleBadge } from './RoleBadge';

type TeamSummary = components['schemas']['TeamSummary'];

/** My teams, with my role in each; a team's name opens its page. */
export function TeamTable({ teams }: { teams: TeamSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Your teams">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team</Table.Th>
            <Table.Th>Your role</Table.Th>
            <Table.Th ta="right">Members</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((team) => (
            <Table.Tr key={team.id} data-team-id={team.id}>
              <Table.Td>
                <NameWithDescription description={team.description}>
                  <Anchor component={Link} to={`/teams/${team.id}`} fw={600} underline="hover">
                    {team.name}
                  </Anchor>
                </NameWithDescription>
              </Table.Td>
              <Table.Td>
                <RoleBadge role={team.my_role} />
              </Table.Td>
              <Table.Td ta="right">{team.member_count}</Table.Td>
              <Table.Td>
                <TimeAgo date={team.created_at} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
