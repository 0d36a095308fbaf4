import { Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { FormAlert } from '../components/FormAlert';
import { ModalFormActions } from '../components/ModalFormActions';
import { ApiProblem, fieldErrors, formMessage } from '../lib/problems';
import { type DashboardRef, useDashboardSettings } from './use-dashboard-settings';

interface RenameDashboardModalProps {
  dashboard: DashboardRef;
  opened: boolean;
  onClose: () => void;
}

const FIELDS = ['title', 'description'];

/** The dashboard's title (required) and description (optional, shown under the title). */
export function RenameDashboardModal({ dashboard, opened, onClose }: RenameDashboardModalProps) {
  const { update, reload } = useDashboardSettings();
  const form = useForm({
    initialValues: { title: dashboard.title, description: dashboard.description ?? '' },
    validate: { title: (value) => (value.trim() ? null : 'Give the dashboard a title') },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const { setValues, clearErrors } = form;
  // Each opening starts from the saved title and description, without the last attempt's errors.
  // (Not on every change of the dashboard: a reload after a 412 must not wipe what was typed.)
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the dialog opens.
  useEffect(() => {
    if (opened) {
      setValues({ title: dashboard.title, description: dashboard.description ?? '' });
      clearErrors();
      setFormError(null);
    }
  }, [opened, setValues, clearErrors]);

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const title = values.title.trim();
    const description = values.description.trim() || null;
    const changes = {
      ...(title !== dashboard.title ? { title } : {}),
      ...(description !== dashboard.description ? { description } : {}),
    };
    // Nothing changed: no request, and no empty version in the history.
    if (Object.keys(changes).length === 0) return onClose();
    try {
      await update.mutateAsync({ dashboard, changes });
      notifications.show({ color: 'green', message: 'Saved the title and description' });
      onClose();
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) {
        await reload(dashboard.id);
        setFormError(
          'Someone else (or the assistant) changed this dashboard meanwhile. It has been reloaded: check and save again.',
        );
        return;
      }
      const byField = fieldErrors(error);
      form.setErrors({
        ...(byField.title ? { title: byField.title } : {}),
        ...(byField.description ? { description: byField.description } : {}),
      });
      setFormError(formMessage(error, FIELDS));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Rename and describe">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={formError} />
          <TextInput label="Title" required data-autofocus maxLength={200} {...form.getInputProps('title')} />
          <Textarea
            label="Description"
            description="Shown under the title: what the dashboard is for, where its data comes from"
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('description')}
          />
          <ModalFormActions submitLabel="Save" loading={update.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
