import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { ModalFormActions } from '../components/ModalFormActions';
import { fieldErrors, formMessage } from '../lib/problems';
import { PERSONAL_OWNER, useOwnerOptions } from '../teams/use-team-lookups';
import { useCreateDashboard } from './use-dashboards';

/** Names a new dashboard and its owner (me, or a team where I may edit), then opens it. */
export function CreateDashboardModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateDashboard();
  const form = useForm({
    initialValues: { title: '', description: '', owner: PERSONAL_OWNER },
    validate: { title: (value) => (value.trim() ? null : 'Give the dashboard a title') },
  });
  const owners = useOwnerOptions();

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
        teamId: values.owner === PERSONAL_OWNER ? undefined : values.owner,
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
          <FormAlert message={message} />
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
          <ModalFormActions submitLabel="Create dashboard" loading={create.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
