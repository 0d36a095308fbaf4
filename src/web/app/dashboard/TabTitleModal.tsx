import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { fieldErrors, formMessage } from '../lib/problems';

interface TabTitleModalProps {
  opened: boolean;
  heading: string;
  action: string;
  initialTitle?: string;
  onClose: () => void;
  /** Saves; throws the API's problem, shown beside the field or above the form. */
  onSubmit: (title: string) => Promise<unknown>;
}

/** Asks for a tab's title (new tab, rename). */
export function TabTitleModal({ opened, heading, action, initialTitle = '', onClose, onSubmit }: TabTitleModalProps) {
  const form = useForm({
    initialValues: { title: initialTitle },
    validate: { title: (value) => (value.trim() ? null : 'Give the tab a title') },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const { setValues, clearErrors } = form;
  // Each opening starts from the current title, without the last attempt's errors.
  useEffect(() => {
    if (opened) {
      setValues({ title: initialTitle });
      clearErrors();
      setFormError(null);
    }
  }, [opened, initialTitle, setValues, clearErrors]);

  const submit = form.onSubmit(async ({ title }) => {
    setFormError(null);
    try {
      await onSubmit(title.trim());
      onClose();
    } catch (error) {
      const byField = fieldErrors(error);
      if (byField.title) form.setFieldError('title', byField.title);
      setFormError(formMessage(error, ['title']));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={heading}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Tab title" required data-autofocus {...form.getInputProps('title')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {action}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
