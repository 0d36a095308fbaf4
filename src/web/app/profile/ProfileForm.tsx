import { Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { FormAlert } from '../components/FormAlert';
import { fieldErrors, formMessage } from '../lib/problems';
import { AvatarField } from './AvatarField';
import { browserTimeZone, timeZoneOptions } from './timezones';
import { type Profile, useUpdateProfile } from './use-profile';

const FIELDS = ['display_name', 'avatar_url', 'timezone'];

/** Name, avatar and time zone, saved together; the API's message for a field is shown under it. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const update = useUpdateProfile();
  const zones = useMemo(timeZoneOptions, []);
  const browserZone = browserTimeZone();
  const form = useForm({
    initialValues: {
      display_name: profile.display_name,
      avatar_url: profile.avatar_url ?? '',
      timezone: profile.timezone,
    },
    validate: { display_name: (value) => (value.trim() ? null : 'Enter the name others see') },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({
        display_name: values.display_name.trim(),
        avatar_url: values.avatar_url.trim() || null,
        timezone: values.timezone,
      });
      form.setInitialValues({
        display_name: saved.display_name,
        avatar_url: saved.avatar_url ?? '',
        timezone: saved.timezone,
      });
      form.reset();
      notifications.show({ color: 'teal', message: 'Profile saved' });
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });

  const message = update.error ? formMessage(update.error, FIELDS) : null;
  return (
    <form onSubmit={submit} noValidate aria-label="Profile">
      <Stack gap="md">
        <FormAlert message={message} />
        <TextInput
          label="Display name"
          description="Shown to your teammates, in member lists and version history"
          required
          {...form.getInputProps('display_name')}
        />
        <TextInput
          label="Email"
          value={profile.email ?? ''}
          readOnly
          description="Used to sign in and for invitations"
        />
        <AvatarField
          value={form.values.avatar_url}
          name={form.values.display_name || profile.email || ''}
          error={form.errors.avatar_url as string | undefined}
          onChange={(value) => form.setFieldValue('avatar_url', value)}
        />
        <Stack gap={4}>
          <Select
            label="Time zone"
            searchable
            data={zones}
            allowDeselect={false}
            nothingFoundMessage="No time zone by that name"
            maxDropdownHeight={280}
            {...form.getInputProps('timezone')}
          />
          {form.values.timezone !== browserZone && (
            <Text size="xs" c="dimmed">
              This browser is in {browserZone}.{' '}
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => form.setFieldValue('timezone', browserZone)}
              >
                Use {browserZone}
              </Anchor>
            </Text>
          )}
        </Stack>
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save profile
          </Button>
          {form.isDirty() && (
            <Button variant="default" onClick={() => form.reset()}>
              Discard changes
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
