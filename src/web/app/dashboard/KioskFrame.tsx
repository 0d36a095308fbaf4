import { Box, Button, Group, Title } from '@mantine/core';
import { IconMinimize } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';

interface KioskFrameProps {
  title: string;
  onExit: () => void;
  children: ReactNode;
}

/**
 * Kiosk mode (Grafana's, for a wall screen): the dashboard over the whole window, without the
 * app's navigation or the dashboard's buttons. It sits above the app bar (z-index 100) and below
 * Mantine's modals, menus and notifications (200 and up), so chart menus still work in it.
 * Leaving the browser's full screen (Esc) leaves kiosk mode too.
 */
export function KioskFrame({ title, onExit, children }: KioskFrameProps) {
  useEffect(() => {
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) onExit();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [onExit]);

  return (
    <Box
      data-testid="kiosk"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 150,
        overflowY: 'auto',
        background: 'var(--mantine-color-body)',
      }}
      p="md"
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={1} size="h4" style={{ minWidth: 0 }}>
          {title}
        </Title>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconMinimize size={16} />}
          onClick={() => {
            if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
            onExit();
          }}
        >
          Exit kiosk mode
        </Button>
      </Group>
      {children}
    </Box>
  );
}
