-- The personal workspace: charts, notes, files and analyses a user keeps, tagged.

CREATE TABLE public.workspace_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
  item_type text NOT NULL CHECK (item_type IN ('chart', 'file', 'note', 'analysis')),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 50),
  -- The chat message it came from; the item stays if the message is deleted.
  created_from_message_id uuid REFERENCES public.chat_messages (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- A user's items, newest first (the list, and the policy's column).
CREATE INDEX idx_workspace_items_user ON public.workspace_items (user_id, updated_at DESC, id DESC);
-- A user's items of one type, newest first.
CREATE INDEX idx_workspace_items_type ON public.workspace_items (user_id, item_type, updated_at DESC);
-- Tag filters: tags @> ARRAY['q3'].
CREATE INDEX idx_workspace_items_tags ON public.workspace_items USING gin (tags);
-- Foreign key from chat_messages.
CREATE INDEX idx_workspace_items_message ON public.workspace_items (created_from_message_id)
  WHERE created_from_message_id IS NOT NULL;
-- Edits move an item up the list; losing the message it came from (set null) is not an edit.
CREATE TRIGGER touch_updated_at BEFORE UPDATE OF item_type, title, content, tags ON public.workspace_items
  FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

ALTER TABLE public.workspace_items ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON public.workspace_items FROM anon, authenticated;
GRANT ALL ON public.workspace_items TO service_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.workspace_items TO authenticated;

-- Owner only, for every command; an item may point only at one of the owner's own messages
-- (the subquery runs under the messages' policy, so another user's message is not found).
CREATE POLICY "owners read their workspace items" ON public.workspace_items
  FOR SELECT TO authenticated USING (user_id = (SELECT auth.uid()));
CREATE POLICY "users add their own workspace items" ON public.workspace_items
  FOR INSERT TO authenticated WITH CHECK (
    user_id = (SELECT auth.uid())
    AND (created_from_message_id IS NULL
         OR EXISTS (SELECT 1 FROM public.chat_messages m WHERE m.id = created_from_message_id))
  );
CREATE POLICY "owners update their workspace items" ON public.workspace_items
  FOR UPDATE TO authenticated
  USING (user_id = (SELECT auth.uid()))
  WITH CHECK (
    user_id = (SELECT auth.uid())
    AND (created_from_message_id IS NULL
         OR EXISTS (SELECT 1 FROM public.chat_messages m WHERE m.id = created_from_message_id))
  );
CREATE POLICY "owners delete their workspace items" ON public.workspace_items
  FOR DELETE TO authenticated USING (user_id = (SELECT auth.uid()));
