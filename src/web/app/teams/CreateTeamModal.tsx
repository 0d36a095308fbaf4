import { Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { ModalFormActions } from '../components/ModalFormActions';
import { fieldErrors, formMessage } from '../lib/problems';
import { useCreateTeam } from './use-teams';

/** Creates a team; I become its admin and land on its page to invite people. */
export function CreateTeamModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateTeam();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: '', description: '' },
    validate: { name: (value) => (value.trim() ? null : 'Give the team a name') },
  });

  const close = () => {
    create.reset();
    form.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    try {
      const team = await create.mutateAsync({
        name: values.name.trim(),
        description: values.description.trim() || null,
      });
      close();
      navigate(`/teams/${team.id}`);
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });

  const message = create.error ? formMessage(create.error, ['name', 'description']) : null;
  return (
    <Modal opened={opened} onClose={close} title="Create a team">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={message} />
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <ModalFormActions submitLabel="Create team" loading={create.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
