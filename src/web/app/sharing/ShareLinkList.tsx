import { Alert, Badge, Button, Group, Popover, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconLock, IconLockOpen, IconRefresh, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { TableHeadWithActions } from '../components/TableHeadWithActions';
import { TimeAgo } from '../components/TimeAgo';
import { fullTime, timeAgo } from '../lib/format';
import { problemMessage } from '../lib/problems';
import { isExpired } from './expiry';
import { type NewShareLink, type ShareLink, useShareActions, useShareLinks } from './use-share-links';

interface ShareLinkListProps {
  dashboardId: string;
  onRotated: (link: NewShareLink) => void;
}

/** The dashboard's links: when each was made, when it stops working, whether it has a password, its last use. */
export function ShareLinkList({ dashboardId, onRotated }: ShareLinkListProps) {
  const links = useShareLinks(dashboardId, true);

  if (links.isPending) {
    return (
      <Stack gap={6} aria-label="Loading the share links" role="status">
        <Skeleton h={28} />
        <Skeleton h={28} />
      </Stack>
    );
  }
  if (links.isError) {
    return <ErrorAlert error={links.error} title="The links could not be loaded" onRetry={() => links.refetch()} />;
  }
  if (links.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No links yet. Create one above to let people without an OCP account view this dashboard.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} aria-label="Share links">
        <TableHeadWithActions columns={['Created', 'Expires', 'Password', 'Last opened']} />
        <Table.Tbody>
          {links.data.map((link) => (
            <ShareLinkRow key={link.id} dashboardId={dashboardId} link={link} onRotated={onRotated} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ShareLinkRow({
  dashboardId,
  link,
  onRotated,
}: {
  dashboardId: string;
  link: ShareLink;
  onRotated: (link: NewShareLink) => void;
}) {
  const { rotate, revoke } = useShareActions(dashboardId);
  const expired = isExpired(link.expires_at);
  const name = `link created ${timeAgo(link.created_at)}`;
  return (
    <Table.Tr data-testid="share-link-row" data-has-password={link.has_password} aria-label={`Share ${name}`}>
      <Table.Td>
        <TimeAgo date={link.created_at} />
      </Table.Td>
      <Table.Td>
        {link.expires_at === null ? (
          <Text size="sm">Never</Text>
        ) : expired ? (
          <Badge color="red" variant="light" title={fullTime(link.expires_at)}>
            Expired
          </Badge>
        ) : (
          <TimeAgo date={link.expires_at} />
        )}
      </Table.Td>
      <Table.Td>
        {link.has_password ? (
          <Group gap={4} wrap="nowrap">
            <IconLock size={14} aria-hidden />
            <Text size="sm">Yes</Text>
          </Group>
        ) : (
          <Group gap={4} wrap="nowrap" c="dimmed">
            <IconLockOpen size={14} aria-hidden />
            <Text size="sm">No</Text>
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" {...(link.last_accessed_at ? {} : { c: 'dimmed' })}>
          {link.last_accessed_at ? timeAgo(link.last_accessed_at) : 'Never'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Confirm
            action="Rotate"
            label={`Rotate ${name}`}
            icon={<IconRefresh size={14} />}
            color="blue"
            question="Give this link a new address?"
            consequence="The current address stops working at once. You will see the new one here, once."
            confirm="Get a new address"
            pending={rotate.isPending}
            error={rotate.error}
            onConfirm={() => rotate.mutateAsync(link).then(onRotated)}
          />
          <Confirm
            action="Revoke"
            label={`Revoke ${name}`}
            icon={<IconTrash size={14} />}
            color="red"
            question="Revoke this link?"
            consequence="Anyone who has it will no longer be able to open the dashboard. This cannot be undone."
            confirm="Revoke link"
            pending={revoke.isPending}
            error={revoke.error}
            onConfirm={() => revoke.mutateAsync(link)}
          />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

interface ConfirmProps {
  action: string;
  label: string;
  icon: ReactNode;
  color: 'blue' | 'red';
  question: string;
  consequence: string;
  confirm: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => Promise<unknown>;
}

/** A row action that asks first, in a small popover that keeps the focus until answered. */
function Confirm({
  action,
  label,
  icon,
  color,
  question,
  consequence,
  confirm,
  pending,
  error,
  onConfirm,
}: ConfirmProps) {
  const [opened, setOpened] = useState(false);
  const questionId = useId();
  return (
    <Popover opened={opened} onChange={setOpened} width={280} position="bottom-end" withArrow trapFocus shadow="md">
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          color={color}
          leftSection={icon}
          aria-label={label}
          onClick={() => setOpened((o) => !o)}
        >
          {action}
        </Button>
      </Popover.Target>
      {/* Escape closes this question only, not the share dialog around it (Mantine's modal skips
          targets marked data-mantine-stop-propagation). */}
      <Popover.Dropdown aria-labelledby={questionId} data-mantine-stop-propagation>
        <Stack gap="xs">
          <Text size="sm" fw={600} id={questionId}>
            {question}
          </Text>
          <Text size="sm" c="dimmed">
            {consequence}
          </Text>
          {error ? (
            <Alert color="red" p="xs" role="alert">
              {problemMessage(error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)} data-mantine-stop-propagation>
              Cancel
            </Button>
            <Button
              size="xs"
              color={color}
              loading={pending}
              data-mantine-stop-propagation
              onClick={() =>
                onConfirm().then(
                  () => setOpened(false),
                  () => {},
                )
              }
            >
              {confirm}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
