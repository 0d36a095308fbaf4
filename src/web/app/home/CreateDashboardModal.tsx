import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { fieldErrors, formMessage } from '../lib/problems';
import { useCreateDashboard, useTeams } from './use-dashboards';

const ME = 'me';

/** Names a new dashboard and its owner (me, or a team where I may edit), then opens it. */
export function CreateDashboardModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateDashboard();
  const teams = useTeams();
  const form = useForm({
    initialValues: { title: '', description: '', owner: ME },
    validate: { title: (value) => (value.trim() ? null : 'Give the dashboard a title') },
  });
  const owners = [
    { value: ME, label: 'Me (personal)' },
    ...(teams.data ?? []).filter((t) => t.my_role !== 'viewer').map((t) => ({ value: t.id, label: t.name })),
  ];

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    try {
      const dashboard = await create.mutateAsync({
        title: values.title.trim(),
        description: values.description.trim(),
        teamId: values.owner === ME ? undefined : values.owner,
      });
      close();
      navigate(`/dashboards/${dashboard.id}`);
    } catch (error) {
      const byField = fieldErrors(error);
      form.setErrors({
        ...(byField.title ? { title: byField.title } : {}),
        ...(byField.description ? { description: byField.description } : {}),
        ...(byField.team_id ? { owner: byField.team_id } : {}),
      });
    }
  });

  const message = create.error ? formMessage(create.error, ['title', 'description', 'team_id']) : null;
  return (
    <Modal opened={opened} onClose={close} title="New dashboard">
      <form onSubmit={submit} noValidate>
        <Stack>
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          <TextInput
            label="Title"
            placeholder="Sales overview"
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          {owners.length > 1 && (
            <Select
              label="Owner"
              description="Team dashboards can be seen by the team's members"
              data={owners}
              allowDeselect={false}
              {...form.getInputProps('owner')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create dashboard
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
