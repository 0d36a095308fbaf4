import { Badge, Button, Group, VisuallyHidden } from '@mantine/core';
import { NavLink } from 'react-router';
import { useMyInvitations } from '../teams/use-teams';

const SECTIONS = [
  { to: '/', label: 'Dashboards', end: true },
  { to: '/datasets', label: 'Datasets', end: false },
  { to: '/workspace', label: 'Workspace', end: false },
  { to: '/chat', label: 'Chat', end: false },
  { to: '/teams', label: 'Teams', end: false },
];

/** The app's sections, in the header; the current one is marked for screen readers too. */
export function MainNav() {
  // The same query as the user menu's: one request for both.
  const invitations = useMyInvitations();
  const waiting = invitations.data?.length ?? 0;
  return (
    <Group gap={4} component="nav" aria-label="Main" visibleFrom="sm">
      {SECTIONS.map((section) => (
        <NavLink key={section.to} to={section.to} end={section.end} style={{ textDecoration: 'none' }}>
          {({ isActive }) => (
            <Button
              variant={isActive ? 'light' : 'subtle'}
              size="compact-sm"
              aria-current={isActive ? 'page' : undefined}
              rightSection={
                section.to === '/teams' && waiting > 0 ? (
                  <Badge size="xs" circle color="red" aria-hidden>
                    {waiting}
                  </Badge>
                ) : undefined
              }
            >
              {section.label}
              {section.to === '/teams' && waiting > 0 && (
                <VisuallyHidden component="span">{`, ${waiting} ${waiting === 1 ? 'invitation' : 'invitations'} waiting`}</VisuallyHidden>
              )}
            </Button>
          )}
        </NavLink>
      ))}
    </Group>
  );
}
