import { Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { FormAlert } from '../components/FormAlert';
import { ModalFormActions } from '../components/ModalFormActions';
import { fieldErrors, formMessage } from '../lib/problems';
import { itemContent } from './item-content';
import { useSaveWorkspaceItem, type WorkspaceItem } from './use-workspace';

/** What the dialog is for: a new note, or changing an item already kept. */
export type ItemFormTarget = { kind: 'new-note' } | { kind: 'edit'; item: WorkspaceItem };

/** Items whose text is theirs to write (a chart's text is its caption from the chat, kept as it is). */
const WRITTEN = new Set(['note', 'analysis']);

/** Writes a new note, or changes an item's title, tags and (for notes and analyses) its text. */
export function ItemFormModal({
  target,
  knownTags,
  onClose,
}: {
  target: ItemFormTarget | null;
  knownTags: string[];
  onClose: () => void;
}) {
  const save = useSaveWorkspaceItem();
  const item = target?.kind === 'edit' ? target.item : null;
  const withText = target?.kind === 'new-note' || (item !== null && WRITTEN.has(item.item_type));
  const form = useForm({
    initialValues: { title: '', text: '', tags: [] as string[] },
    validate: {
      title: (value) => (value.trim() ? null : 'Give the item a title'),
      tags: (value) => (value.some((tag) => tag.includes(',')) ? 'Tags cannot contain commas' : null),
    },
  });
  const { setValues, resetDirty } = form;

  useEffect(() => {
    if (!target) return;
    const editing = target.kind === 'edit' ? target.item : null;
    setValues({
      title: editing?.title ?? '',
      text: editing ? (itemContent(editing).text ?? '') : '',
      tags: editing?.tags ?? [],
    });
    resetDirty();
  }, [target, setValues, resetDirty]);

  const close = () => {
    save.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    if (!target) return;
    const text = values.text.trim();
    try {
      await save.mutateAsync(
        target.kind === 'new-note'
          ? { kind: 'create', itemType: 'note', title: values.title.trim(), tags: values.tags, content: { text } }
          : {
              kind: 'update',
              id: target.item.id,
              title: values.title.trim(),
              tags: values.tags,
              ...(withText ? { content: { ...target.item.content, text } } : {}),
            },
      );
      close();
    } catch (error) {
      const byField = fieldErrors(error);
      const tagError = Object.entries(byField).find(([key]) => key.startsWith('tags'))?.[1];
      form.setErrors({
        ...(byField.title ? { title: byField.title } : {}),
        ...(byField.content ? { text: byField.content } : {}),
        ...(tagError ? { tags: `A tag: ${tagError.charAt(0).toLowerCase()}${tagError.slice(1)}` } : {}),
      });
    }
  });

  const message = save.error
    ? formMessage(
        save.error,
        Object.keys(fieldErrors(save.error)).filter(
          (key) => key === 'title' || key === 'content' || key.startsWith('tags'),
        ),
      )
    : null;
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={target?.kind === 'new-note' ? 'New note' : 'Edit item'}
      size={withText ? 'lg' : 'md'}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={message} />
          <TextInput label="Title" required data-autofocus maxLength={200} {...form.getInputProps('title')} />
          {withText && (
            <Textarea
              label="Text"
              description="What you found, what to check next"
              autosize
              minRows={5}
              maxRows={16}
              {...form.getInputProps('text')}
            />
          )}
          <TagsInput
            label="Tags"
            description="Press Enter after each tag"
            data={knownTags}
            clearable
            maxTags={50}
            splitChars={[',']}
            {...form.getInputProps('tags')}
          />
          <ModalFormActions
            submitLabel={target?.kind === 'new-note' ? 'Add note' : 'Save'}
            loading={save.isPending}
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
