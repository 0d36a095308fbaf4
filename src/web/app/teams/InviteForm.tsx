import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { fieldErrors, formMessage } from '../lib/problems';
import { ROLES, type TeamRole, useInvite } from './use-teams';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r.value, label: r.label }));

/** Invites an email address with a role (admins); a new invitation replaces an open one to the same address. */
export function InviteForm({ teamId }: { teamId: string }) {
  const invite = useInvite(teamId);
  const form = useForm({
    initialValues: { email: '', role: 'viewer' as TeamRole },
    validate: {
      email: (value) =>
        /^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an email address, such as ana@example.com',
    },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      const invitation = await invite.mutateAsync({ email: values.email.trim(), role: values.role });
      notifications.show({
        color: 'teal',
        message: `Invitation sent to ${invitation.email}. They will see it on their Teams page once signed in with that address.`,
      });
      form.reset();
      invite.reset();
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });

  const message = invite.error ? formMessage(invite.error, ['email', 'role']) : null;
  return (
    <form onSubmit={submit} noValidate aria-label="Invite someone">
      {message && (
        <Alert color="red" role="alert" mb="sm">
          {message}
        </Alert>
      )}
      <Group align="flex-start" gap="sm">
        <TextInput
          label="Email address"
          type="email"
          placeholder="ana@example.com"
          required
          style={{ flex: 1, minWidth: 220 }}
          {...form.getInputProps('email')}
        />
        <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} w={140} {...form.getInputProps('role')} />
        <Button type="submit" mt={25} loading={invite.isPending}>
          Invite
        </Button>
      </Group>
    </form>
  );
}
