import { ActionIcon, Alert, CopyButton, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconEyeOff } from '@tabler/icons-react';
import type { NewShareLink } from './use-share-links';

interface RevealedLinkProps {
  link: NewShareLink;
  /** Created now, or given a new address (the old one stopped working). */
  kind: 'created' | 'rotated';
  onDismiss: () => void;
}

/** A link's address, the one time the server hands it out, with a copy button. */
export function RevealedLink({ link, kind, onDismiss }: RevealedLinkProps) {
  return (
    <Alert
      color="teal"
      variant="light"
      title={kind === 'created' ? 'Your new link is ready' : 'The link has a new address'}
      withCloseButton
      closeButtonLabel="Hide the address"
      onClose={onDismiss}
      data-testid="revealed-link"
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label="Link address"
            value={link.url}
            readOnly
            style={{ flex: 1 }}
            onFocus={(event) => event.currentTarget.select()}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          />
          <CopyButton value={link.url} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy the address'} withArrow>
                <ActionIcon
                  size="lg"
                  variant={copied ? 'filled' : 'default'}
                  color={copied ? 'teal' : 'gray'}
                  onClick={copy}
                  aria-label={copied ? 'Copied' : 'Copy link address'}
                >
                  {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconEyeOff size={16} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
          <Text size="sm">
            Copy it now: <strong>you will not see this address again</strong>. OCP keeps only a fingerprint of it; if
            you lose it, rotate the link to get a new one.
            {kind === 'rotated' && ' The previous address has stopped working.'}
            {link.has_password && ' Send the password separately.'}
          </Text>
        </Group>
      </Stack>
    </Alert>
  );
}
