import { Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { FormAlert } from '../components/FormAlert';
import { ModalFormActions } from '../components/ModalFormActions';
import { fieldErrors, formMessage } from '../lib/problems';
import { type Dataset, useUpdateDataset } from './use-datasets';

/** Renames a dataset and edits its description (its table name stays, so SQL keeps working). */
export function RenameDatasetModal({ dataset, onClose }: { dataset: Dataset | null; onClose: () => void }) {
  const update = useUpdateDataset();
  const form = useForm({
    initialValues: { name: '', description: '' },
    validate: { name: (value) => (value.trim() ? null : 'Give the dataset a name') },
  });
  const { setValues, resetDirty } = form;

  useEffect(() => {
    if (dataset) {
      setValues({ name: dataset.name, description: dataset.description ?? '' });
      resetDirty();
    }
  }, [dataset, setValues, resetDirty]);

  const close = () => {
    update.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    if (!dataset) return;
    try {
      await update.mutateAsync({
        id: dataset.id,
        name: values.name.trim(),
        description: values.description.trim() || null,
      });
      close();
    } catch (error) {
      const byField = fieldErrors(error);
      form.setErrors({
        ...(byField.name ? { name: byField.name } : {}),
        ...(byField.description ? { description: byField.description } : {}),
      });
    }
  });

  const message = update.error ? formMessage(update.error, ['name', 'description']) : null;
  return (
    <Modal opened={dataset !== null} onClose={close} title="Rename dataset">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={message} />
          <TextInput
            label="Name"
            required
            data-autofocus
            description={
              dataset ? `The table name stays ${dataset.table_name}, so queries and charts keep working` : ''
            }
            {...form.getInputProps('name')}
          />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <ModalFormActions submitLabel="Save" loading={update.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
