import { Avatar, Button, FileButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { AVATAR_COLORS } from './avatar-colors';
import { avatarDataUrl } from './avatar-image';

/** Whether the browser can show the image (the app's security policy blocks other sites' images). */
function useImageLoads(src: string): boolean | null {
  const [loads, setLoads] = useState<boolean | null>(null);
  useEffect(() => {
    if (!src) {
      setLoads(null);
      return;
    }
    let current = true;
    const image = new Image();
    image.onload = () => current && setLoads(true);
    image.onerror = () => current && setLoads(false);
    image.src = src;
    return () => {
      current = false;
    };
  }, [src]);
  return loads;
}

/**
 * The avatar: a preview, an uploaded picture (kept as a small data: URL) or an image address, and
 * a way to remove it. `error` is the API's message for avatar_url.
 */
export function AvatarField({
  value,
  name,
  error,
  onChange,
}: {
  value: string;
  name: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}) {
  const [uploadError, setUploadError] = useState<string | null>(null);
  const uploaded = value.startsWith('data:');
  const loads = useImageLoads(value.trim());

  const upload = async (file: File | null) => {
    if (!file) return;
    setUploadError(null);
    try {
      onChange(await avatarDataUrl(file));
    } catch (failure) {
      setUploadError(failure instanceof Error ? failure.message : 'This image could not be used.');
    }
  };

  return (
    <Group align="flex-start" gap="lg" wrap="nowrap">
      <Avatar
        src={loads ? value : null}
        name={name}
        color="initials"
        allowedInitialsColors={AVATAR_COLORS}
        radius="xl"
        size={72}
        alt="Avatar preview"
      />
      <Stack gap="xs" style={{ flex: 1 }}>
        <Group gap="xs">
          <FileButton onChange={upload} accept="image/png,image/jpeg,image/webp,image/gif">
            {(props) => (
              <Button {...props} variant="default" size="xs" leftSection={<IconUpload size={14} />}>
                Upload a picture
              </Button>
            )}
          </FileButton>
          {value && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              leftSection={<IconTrash size={14} />}
              onClick={() => {
                setUploadError(null);
                onChange('');
              }}
            >
              Remove
            </Button>
          )}
        </Group>
        {uploadError && (
          <Text size="sm" c="red" role="alert">
            {uploadError}
          </Text>
        )}
        <TextInput
          label="Or an image address"
          placeholder={uploaded ? 'Using the uploaded picture' : 'https://…'}
          value={uploaded ? '' : value}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={
            error ??
            (loads === false
              ? 'This image cannot be shown here: use an image on this server, or upload one'
              : undefined)
          }
          description="Only pictures served by this OCP server show: its security policy blocks other sites. Uploading always works."
        />
      </Stack>
    </Group>
  );
}
