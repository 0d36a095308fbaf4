import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDots, IconFolderShare, IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { problemMessage } from '../lib/problems';
import { DANGER_ITEM_STYLE } from './ChartMenu';
import { DeleteDashboardModal } from './DeleteDashboardModal';
import { MoveDashboardModal } from './MoveDashboardModal';
import { RenameDashboardModal } from './RenameDashboardModal';
import { type DashboardRef, useDashboardSettings } from './use-dashboard-settings';

interface DashboardActionsMenuProps {
  dashboard: DashboardRef;
  /** The button's accessible name ("Dashboard actions" in the header, "Actions for …" on a card). */
  label: string;
  /** The header's button is framed like its neighbours; a card's is quieter. */
  variant: 'default' | 'subtle';
  /** After a delete: the dashboard page goes home, a card's list just loses it. */
  onDeleted: () => void;
}

/**
 * The dashboard's ⋯ menu, by what the caller may do: editors rename and describe it, its owner
 * (or a team admin) moves and deletes it, and anyone who can see it may copy it.
 */
export function DashboardActionsMenu({ dashboard, label, variant, onDeleted }: DashboardActionsMenuProps) {
  const navigate = useNavigate();
  const { duplicate } = useDashboardSettings();
  const [renameOpen, rename] = useDisclosure(false);
  const [moveOpen, move] = useDisclosure(false);
  const [deleteOpen, remove] = useDisclosure(false);
  const { can_edit: canEdit, can_delete: canDelete } = dashboard.abilities;

  const copy = () => {
    // Into the same team when I may add dashboards there (I may edit it), else into my own.
    const teamId = dashboard.owner.type === 'team' && canEdit ? dashboard.owner.team_id : undefined;
    const id = notifications.show({ loading: true, autoClose: false, message: `Duplicating “${dashboard.title}”…` });
    duplicate.mutate(
      { dashboard, teamId },
      {
        onSuccess: (created) => {
          notifications.update({
            id,
            loading: false,
            autoClose: 4000,
            color: 'green',
            message: `Duplicated as “${created.title}”${teamId ? '' : ' in your personal dashboards'}`,
          });
          navigate(`/dashboards/${created.id}`);
        },
        onError: (error) =>
          notifications.update({
            id,
            loading: false,
            autoClose: 8000,
            color: 'red',
            title: 'Not duplicated',
            message: problemMessage(error),
          }),
      },
    );
  };

  return (
    <>
      <Menu position="bottom-end" withArrow withinPortal shadow="md" width={250} withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Tooltip label="Rename, move, duplicate or delete the dashboard" disabled={variant === 'subtle'}>
            <ActionIcon
              variant={variant}
              {...(variant === 'subtle' ? { color: 'gray' } : {})}
              size={30}
              aria-label={label}
            >
              <IconDots size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          {canEdit && (
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={rename.open}>
              Rename and describe…
            </Menu.Item>
          )}
          {canDelete && (
            <Menu.Item leftSection={<IconFolderShare size={16} />} onClick={move.open}>
              Move to…
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconCopy size={16} />} disabled={duplicate.isPending} onClick={copy}>
            Duplicate
          </Menu.Item>
          {canDelete && (
            <>
              <Menu.Divider />
              <Menu.Item style={DANGER_ITEM_STYLE} leftSection={<IconTrash size={16} />} onClick={remove.open}>
                Delete dashboard
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {canEdit && <RenameDashboardModal dashboard={dashboard} opened={renameOpen} onClose={rename.close} />}
      {canDelete && <MoveDashboardModal dashboard={dashboard} opened={moveOpen} onClose={move.close} />}
      {canDelete && (
        <DeleteDashboardModal
          dashboard={dashboard}
          opened={deleteOpen}
          onClose={remove.close}
          onDeleted={() => {
            notifications.show({ color: 'green', message: `Deleted “${dashboard.title}”` });
            onDeleted();
          }}
        />
      )}
    </>
  );
}
