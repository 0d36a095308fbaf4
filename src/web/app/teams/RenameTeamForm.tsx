import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { FormAlert } from '../components/FormAlert';
import { fieldErrors, formMessage } from '../lib/problems';
import { type Team, useUpdateTeam } from './use-teams';

/** The team's name and description (admins). */
export function RenameTeamForm({ team }: { team: Team }) {
  const update = useUpdateTeam(team.id);
  const form = useForm({
    initialValues: { name: team.name, description: team.description ?? '' },
    validate: { name: (value) => (value.trim() ? null : 'Give the team a name') },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    setValues({ name: team.name, description: team.description ?? '' });
    resetDirty();
  }, [team.name, team.description, setValues, resetDirty]);

  const submit = form.onSubmit(async (values) => {
    try {
      await update.mutateAsync({ name: values.name.trim(), description: values.description.trim() || null });
      notifications.show({ color: 'teal', message: 'Team saved' });
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });

  const message = update.error ? formMessage(update.error, ['name', 'description']) : null;
  return (
    <form onSubmit={submit} noValidate aria-label="Team details">
      <Stack gap="sm" maw={520}>
        <FormAlert message={message} />
        <TextInput label="Team name" required {...form.getInputProps('name')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
