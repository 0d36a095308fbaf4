import { Divider, Modal, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Dashboard } from '../dashboard/use-dashboard';
import { problemMessage } from '../lib/problems';
import { CreateLinkForm } from './CreateLinkForm';
import { RevealedLink } from './RevealedLink';
import { ShareLinkList } from './ShareLinkList';
import { type NewShareLink, useShareActions } from './use-share-links';

interface ShareDialogProps {
  dashboard: Dashboard;
  opened: boolean;
  onClose: () => void;
}

/** Who can see the dashboard: public or not, and the links that open it for people without an account. */
export function ShareDialog({ dashboard, opened, onClose }: ShareDialogProps) {
  const [revealed, setRevealed] = useState<{ link: NewShareLink; kind: 'created' | 'rotated' } | null>(null);
  const close = () => {
    // A link's address is shown once: closing the dialog forgets it.
    setRevealed(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Share “${dashboard.title}”`} size="xl">
      <Stack gap="lg">
        <PublicSwitch dashboard={dashboard} />
        <Divider />
        <Stack gap="sm">
          <div>
            <Title order={2} size="h5">
              Share links
            </Title>
            <Text size="sm" c="dimmed">
              Anyone with a link can view this dashboard without signing in, read-only, until the link expires or you
              revoke it.
            </Text>
          </div>
          {revealed && <RevealedLink link={revealed.link} kind={revealed.kind} onDismiss={() => setRevealed(null)} />}
          <CreateLinkForm dashboardId={dashboard.id} onCreated={(link) => setRevealed({ link, kind: 'created' })} />
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h5">
            Existing links
          </Title>
          <ShareLinkList dashboardId={dashboard.id} onRotated={(link) => setRevealed({ link, kind: 'rotated' })} />
        </Stack>
      </Stack>
    </Modal>
  );
}

function PublicSwitch({ dashboard }: { dashboard: Dashboard }) {
  const { setPublic } = useShareActions(dashboard.id);
  const checked = setPublic.isPending ? setPublic.variables.isPublic : dashboard.is_public;
  return (
    <Switch
      checked={checked}
      disabled={setPublic.isPending}
      onChange={(event) => setPublic.mutate({ etag: dashboard.etag, isPublic: event.currentTarget.checked })}
      label="Public dashboard"
      description={
        checked
          ? 'Anyone signed in to OCP who has this dashboard’s address can view it, read-only. Only its editors can change it.'
          : 'Only you and, for a team dashboard, the team’s members can open it. Links below work either way.'
      }
      error={setPublic.error ? problemMessage(setPublic.error) : undefined}
      size="md"
    />
  );
}
