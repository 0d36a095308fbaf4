import { Button, Group } from '@mantine/core';
import { NavLink } from 'react-router';

const SECTIONS = [
  { to: '/', label: 'Dashboards', end: true },
  { to: '/datasets', label: 'Datasets', end: false },
  { to: '/workspace', label: 'Workspace', end: false },
  { to: '/chat', label: 'Chat', end: false },
];

/** The app's sections, in the header; the current one is marked for screen readers too. */
export function MainNav() {
  return (
    <Group gap={4} component="nav" aria-label="Main" visibleFrom="sm">
      {SECTIONS.map((section) => (
        <NavLink key={section.to} to={section.to} end={section.end} style={{ textDecoration: 'none' }}>
          {({ isActive }) => (
            <Button
              variant={isActive ? 'light' : 'subtle'}
              size="compact-sm"
              aria-current={isActive ? 'page' : undefined}
            >
              {section.label}
            </Button>
          )}
        </NavLink>
      ))}
    </Group>
  );
}
