import { Avatar, Indicator, Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconLogout, IconMailOpened, IconRobot, IconSlash, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { signOut } from '../auth/auth-actions';
import { useSession } from '../auth/use-session';
import { AVATAR_COLORS } from '../profile/avatar-colors';
import { useStoredTheme } from '../profile/theme-preference';
import { useProfile } from '../profile/use-profile';
import { useMyInvitations } from '../teams/use-teams';

/** The account menu: who is signed in, the settings pages, sign out; a dot when invitations wait. */
export function UserMenu() {
  const session = useSession();
  const navigate = useNavigate();
  const profile = useProfile();
  const invitations = useMyInvitations(session !== null);
  useStoredTheme(profile.data);
  if (!session) return null;
  const email = session.user.email;
  const name = profile.data?.display_name || email;
  const waiting = invitations.data?.length ?? 0;
  const waitingText = waiting === 1 ? '1 team invitation' : `${waiting} team invitations`;
  return (
    <Menu position="bottom-end" withArrow>
      <Menu.Target>
        <UnstyledButton>
          <VisuallyHidden component="span">
            Account: {name}
            {waiting > 0 && `, ${waitingText}`}
          </VisuallyHidden>
          <Indicator disabled={waiting === 0} color="red" size={10} offset={4} withBorder>
            <Avatar
              src={profile.data?.avatar_url ?? null}
              name={name}
              color="initials"
              allowedInitialsColors={AVATAR_COLORS}
              radius="xl"
              size="md"
              aria-hidden
            />
          </Indicator>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label data-testid="user-menu-name">
          {name}
          {name !== email && <div>{email}</div>}
        </Menu.Label>
        {waiting > 0 && (
          <Menu.Item component={Link} to="/teams" color="red" leftSection={<IconMailOpened size={16} />}>
            {waitingText}
          </Menu.Item>
        )}
        <Menu.Item component={Link} to="/profile" leftSection={<IconUser size={16} />}>
          Profile
        </Menu.Item>
        <Menu.Item component={Link} to="/teams" leftSection={<IconUsersGroup size={16} />}>
          Teams
        </Menu.Item>
        <Menu.Item component={Link} to="/agents" leftSection={<IconRobot size={16} />}>
          Agents
        </Menu.Item>
        <Menu.Item component={Link} to="/commands" leftSection={<IconSlash size={16} />}>
          Custom commands
        </Menu.Item>
        <Menu.Divider />
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
