import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShare } from '@tabler/icons-react';
import type { Dashboard } from '../dashboard/use-dashboard';
import { ShareDialog } from './ShareDialog';

/** The dashboard header's Share button and its dialog; nothing for those who may not share. */
export function ShareButton({ dashboard }: { dashboard: Dashboard }) {
  const [opened, dialog] = useDisclosure(false);
  if (!dashboard.abilities.can_share) return null;
  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconShare size={16} />} onClick={dialog.open}>
        Share
      </Button>
      <ShareDialog dashboard={dashboard} opened={opened} onClose={dialog.close} />
    </>
  );
}
