import { Alert, Button, Group, Modal, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { fieldErrors, formMessage } from '../lib/problems';
import { useUpdateWorkspaceItem, type WorkspaceItem } from './use-workspace';

/** Changes an item's title and tags. */
export function EditItemModal({
  item,
  knownTags,
  onClose,
}: {
  item: WorkspaceItem | null;
  knownTags: string[];
  onClose: () => void;
}) {
  const update = useUpdateWorkspaceItem();
  const form = useForm({
    initialValues: { title: '', tags: [] as string[] },
    validate: {
      title: (value) => (value.trim() ? null : 'Give the item a title'),
      tags: (value) => (value.some((tag) => tag.includes(',')) ? 'Tags cannot contain commas' : null),
    },
  });
  const { setValues, resetDirty } = form;

  useEffect(() => {
    if (item) {
      setValues({ title: item.title, tags: item.tags });
      resetDirty();
    }
  }, [item, setValues, resetDirty]);

  const close = () => {
    update.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    if (!item) return;
    try {
      await update.mutateAsync({ id: item.id, title: values.title.trim(), tags: values.tags });
      close();
    } catch (error) {
      const byField = fieldErrors(error);
      const tagError = Object.entries(byField).find(([key]) => key.startsWith('tags'))?.[1];
      form.setErrors({
        ...(byField.title ? { title: byField.title } : {}),
        ...(tagError ? { tags: `A tag: ${tagError.charAt(0).toLowerCase()}${tagError.slice(1)}` } : {}),
      });
    }
  });

  const message = update.error
    ? formMessage(
        update.error,
        Object.keys(fieldErrors(update.error)).filter((key) => key === 'title' || key.startsWith('tags')),
      )
    : null;
  return (
    <Modal opened={item !== null} onClose={close} title="Edit item">
      <form onSubmit={submit} noValidate>
        <Stack>
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          <TextInput label="Title" required data-autofocus maxLength={200} {...form.getInputProps('title')} />
          <TagsInput
            label="Tags"
            description="Press Enter after each tag"
            data={knownTags}
            clearable
            maxTags={50}
            splitChars={[',']}
            {...form.getInputProps('tags')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
