import { Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLink } from '@tabler/icons-react';
import { FormAlert } from '../components/FormAlert';
import { fieldErrors, formMessage } from '../lib/problems';
import { EXPIRY_CHOICES, type ExpiryChoice, expiresAt, localDate } from './expiry';
import { type NewShareLink, useShareActions } from './use-share-links';

interface CreateLinkFormProps {
  dashboardId: string;
  onCreated: (link: NewShareLink) => void;
}

/** A new link: how long it works and, optionally, the password its viewers must enter. */
export function CreateLinkForm({ dashboardId, onCreated }: CreateLinkFormProps) {
  const { create } = useShareActions(dashboardId);
  const form = useForm({
    initialValues: { expiry: '30d' as ExpiryChoice, date: '', password: '' },
    validate: {
      date: (value, values) =>
        values.expiry === 'date' && expiresAt('date', value) === undefined ? 'Pick the last day the link works' : null,
      password: (value) =>
        value.length > 0 && value.length < 4 ? 'Use at least 4 characters, or leave it empty for no password' : null,
    },
  });

  const submit = form.onSubmit(async (values) => {
    const expires = expiresAt(values.expiry, values.date);
    if (expires === undefined) return;
    try {
      const link = await create.mutateAsync({
        expires_at: expires,
        ...(values.password ? { password: values.password } : {}),
      });
      form.reset();
      onCreated(link);
    } catch (error) {
      const byField = fieldErrors(error);
      form.setErrors({
        ...(byField.password ? { password: byField.password } : {}),
        ...(byField.expires_at ? { [values.expiry === 'date' ? 'date' : 'expiry']: byField.expires_at } : {}),
      });
    }
  });

  const message = create.error ? formMessage(create.error, ['password', 'expires_at']) : null;
  return (
    <form onSubmit={submit} noValidate aria-label="New share link">
      <Stack gap="sm">
        <FormAlert message={message} />
        <Group grow align="flex-start" gap="sm">
          <Select
            label="Link expires after"
            data={EXPIRY_CHOICES}
            allowDeselect={false}
            {...form.getInputProps('expiry')}
          />
          {form.values.expiry === 'date' && (
            <TextInput
              type="date"
              label="Last day it works"
              min={localDate()}
              required
              {...form.getInputProps('date')}
            />
          )}
        </Group>
        <PasswordInput
          label="Password (optional)"
          description="Viewers must enter it to open the link. At least 4 characters."
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconLink size={16} />} loading={create.isPending}>
            Create link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
