import { Avatar, Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signOut } from '../auth/auth-actions';
import { useSession } from '../auth/use-session';
import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export function UserMenu() {
  const session = useSession();
  const navigate = useNavigate();
  const profile = useQuery({
    queryKey: queryKeys.profile,
    enabled: session !== null,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/profile', { signal })),
  });
  if (!session) return null;
  const email = session.user.email;
  const name = profile.data?.display_name || email;
  return (
    <Menu position="bottom-end" withArrow>
      <Menu.Target>
        <UnstyledButton>
          <VisuallyHidden>Account: {name}</VisuallyHidden>
          <Avatar
            src={profile.data?.avatar_url ?? null}
            name={name}
            color="initials"
            radius="xl"
            size="md"
            aria-hidden
          />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {name}
          {name !== email && <div>{email}</div>}
        </Menu.Label>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={async () => {
            await signOut();
            navigate('/signin', { replace: true });
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
