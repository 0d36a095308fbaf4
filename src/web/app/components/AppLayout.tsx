import { Anchor, AppShell, Group } from '@mantine/core';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { Logo } from './Logo';
import { MainNav } from './MainNav';
import { PageLoader } from './PageLoader';
import { UserMenu } from './UserMenu';

/** The frame of every signed-in page: a header with the way home, the theme and the account. */
export function AppLayout() {
  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="lg">
            <Anchor component={Link} to="/" underline="never" c="inherit" aria-label="OCP home">
              <Logo />
            </Anchor>
            <MainNav />
          </Group>
          <Group gap="sm">
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
