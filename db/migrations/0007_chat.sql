-- Chat: sessions and messages, owner-only, with indexed substring search (pg_trgm) and ranked
-- full-text search.

CREATE TABLE public.chat_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  context_type text NOT NULL DEFAULT 'global' CHECK (context_type IN ('dashboard', 'workspace', 'global')),
  -- The dashboard of a 'dashboard' session; empty otherwise (checked by check_chat_context).
  context_id uuid,
  settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT chat_session_context_check CHECK ((context_type = 'dashboard') = (context_id IS NOT NULL))
);
-- A user's sessions, most recent first (the session list and the policy).
CREATE INDEX idx_chat_sessions_user_id ON public.chat_sessions (user_id, updated_at DESC);
-- Sessions about a dashboard.
CREATE INDEX idx_chat_sessions_context ON public.chat_sessions (context_type, context_id)
  WHERE context_id IS NOT NULL;
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.chat_sessions
  FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

-- context_id has no foreign key (it could name other kinds later), so it is checked on write:
-- a dashboard session must be about a dashboard the user may read. An unknown dashboard and a
-- hidden one give the same answer.
CREATE FUNCTION private.check_chat_context() RETURNS trigger
LANGUAGE plpgsql SET search_path = '' AS $$
BEGIN
  IF NEW.context_type = 'dashboard' AND current_user = 'authenticated'
     AND NOT private.can_read_dashboard(NEW.context_id) THEN
    RAISE EXCEPTION 'dashboard not found' USING ERRCODE = 'OC006', COLUMN = 'context_id';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER check_chat_context BEFORE INSERT OR UPDATE OF context_type, context_id ON public.chat_sessions
  FOR EACH ROW EXECUTE FUNCTION private.check_chat_context();

CREATE TABLE public.chat_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chat_session_id uuid NOT NULL REFERENCES public.chat_sessions (id) ON DELETE CASCADE,
  -- The session's owner, copied from the session by a trigger: the policy and search then filter
  -- on an indexed column of this table instead of joining every candidate row to its session.
  user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
  -- Rich content: {"text": "...plain text, searched...", "parts": [...]}.
  content jsonb NOT NULL CHECK (
    jsonb_typeof(content) = 'object'
    AND (content -> 'text' IS NULL OR jsonb_typeof(content -> 'text') = 'string')
  ),
  -- History outlives a deleted agent or retired model.
  agent_id uuid REFERENCES public.agents (id) ON DELETE SET NULL,
  llm_model_id uuid REFERENCES public.llm_models (id) ON DELETE SET NULL,
  output_routing jsonb CHECK (output_routing IS NULL OR jsonb_typeof(output_routing) IN ('object', 'array')),
  metadata jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
  -- clock_timestamp, not now(): a question and its answer saved in one transaction must still
  -- sort in the order they were written.
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(content ->> 'text', ''))) STORED
);
-- A session's messages in order (also the foreign key's index).
CREATE INDEX idx_chat_messages_session_created ON public.chat_messages (chat_session_id, created_at);
-- The policy's column, and "my recent messages".
CREATE INDEX idx_chat_messages_user_created ON public.chat_messages (user_id, created_at DESC);
-- Substring search: content->>'text' ILIKE '%term%' (the seed's GIN index had no operator class).
CREATE INDEX idx_chat_messages_text_trgm ON public.chat_messages
  USING gin ((content ->> 'text') extensions.gin_trgm_ops);
-- Ranked full-text search (search_chat_messages).
CREATE INDEX idx_chat_messages_search_vector ON public.chat_messages USING gin (search_vector);
-- Foreign keys from agents and llm_models (deleting one sets these to null).
CREATE INDEX idx_chat_messages_agent_id ON public.chat_messages (agent_id) WHERE agent_id IS NOT NULL;
CREATE INDEX idx_chat_messages_llm_model_id ON public.chat_messages (llm_model_id) WHERE llm_model_id IS NOT NULL;

-- A message belongs to its session's owner, and stays in its session.
CREATE FUNCTION private.stamp_message_owner() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.chat_session_id <> OLD.chat_session_id THEN
    RAISE EXCEPTION 'a message cannot move to another session' USING ERRCODE = 'OC007';
  END IF;
  SELECT s.user_id INTO NEW.user_id FROM public.chat_sessions s WHERE s.id = NEW.chat_session_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER stamp_message_owner BEFORE INSERT OR UPDATE ON public.chat_messages
  FOR EACH ROW EXECUTE FUNCTION private.stamp_message_owner();

-- A new message makes its session the most recent.
CREATE FUNCTION private.touch_session_on_message() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  UPDATE public.chat_sessions s SET updated_at = NEW.created_at
  WHERE s.id = NEW.chat_session_id AND s.updated_at < NEW.created_at;
  RETURN NULL;
END
$$;
CREATE TRIGGER touch_session_on_message AFTER INSERT ON public.chat_messages
  FOR EACH ROW EXECUTE FUNCTION private.touch_session_on_message();

ALTER TABLE public.chat_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.chat_messages ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON public.chat_sessions, public.chat_messages FROM anon, authenticated;
GRANT ALL ON public.chat_sessions, public.chat_messages TO service_role;
GRANT SELECT, INSERT, DELETE ON public.chat_sessions, public.chat_messages TO authenticated;
-- What may change after the fact: a session's title, context and settings; a message's content as
-- it streams in, its metadata and where its outputs went. Who wrote it, when, with which agent and
-- model is history.
GRANT UPDATE (title, context_type, context_id, settings) ON public.chat_sessions TO authenticated;
GRANT UPDATE (content, metadata, output_routing) ON public.chat_messages TO authenticated;

-- Sessions: their owner only, for every command.
CREATE POLICY "owners read their chat sessions" ON public.chat_sessions
  FOR SELECT TO authenticated USING (user_id = (SELECT auth.uid()));
CREATE POLICY "users create their own chat sessions" ON public.chat_sessions
  FOR INSERT TO authenticated WITH CHECK (user_id = (SELECT auth.uid()));
CREATE POLICY "owners update their chat sessions" ON public.chat_sessions
  FOR UPDATE TO authenticated
  USING (user_id = (SELECT auth.uid())) WITH CHECK (user_id = (SELECT auth.uid()));
CREATE POLICY "owners delete their chat sessions" ON public.chat_sessions
  FOR DELETE TO authenticated USING (user_id = (SELECT auth.uid()));

-- Messages: the session's owner only. A message may name only an agent its author can read
-- (an unknown agent and a hidden one are refused alike, before any foreign-key check).
CREATE POLICY "owners read their chat messages" ON public.chat_messages
  FOR SELECT TO authenticated USING (user_id = (SELECT auth.uid()));
CREATE POLICY "owners add messages to their sessions" ON public.chat_messages
  FOR INSERT TO authenticated WITH CHECK (
    user_id = (SELECT auth.uid())
    AND (agent_id IS NULL OR EXISTS (SELECT 1 FROM public.agents a WHERE a.id = agent_id))
  );
CREATE POLICY "owners update their chat messages" ON public.chat_messages
  FOR UPDATE TO authenticated
  USING (user_id = (SELECT auth.uid()))
  WITH CHECK (user_id = (SELECT auth.uid()));
CREATE POLICY "owners delete their chat messages" ON public.chat_messages
  FOR DELETE TO authenticated USING (user_id = (SELECT auth.uid()));

-- Ranked search across all of the caller's sessions. Runs as the caller, so row-level security
-- applies as to any query. Snippets mark matches with U+E000 … U+E001 (private-use characters
-- no text contains), so the API can escape the text first and then turn the marks into <mark>.
CREATE FUNCTION public.search_chat_messages(p_query text, p_limit integer DEFAULT 20)
RETURNS TABLE (
  message_id uuid, chat_session_id uuid, session_title text, role text,
  created_at timestamptz, rank real, snippet text
)
-- PL/pgSQL keeps the plan for the connection; a SQL function with SET search_path is planned on
-- every call (bench:db: 1.5x the unsecured query, against about 1.1x this way).
LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = '' AS $$
BEGIN
  RETURN QUERY
  WITH q AS (SELECT websearch_to_tsquery('english'::regconfig, p_query) AS query)
  SELECT m.id, m.chat_session_id, s.title, m.role, m.created_at,
         ts_rank_cd(m.search_vector, q.query) AS rank,
         ts_headline('english'::regconfig, m.content ->> 'text', q.query,
           'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=30, MinWords=10, MaxFragments=2')
  FROM q, public.chat_messages m
  JOIN public.chat_sessions s ON s.id = m.chat_session_id
  WHERE m.search_vector @@ q.query
    AND m.user_id = (SELECT auth.uid())
  ORDER BY 6 DESC, m.created_at DESC
  LIMIT least(greatest(p_limit, 1), 100);
END
$$;
REVOKE ALL ON FUNCTION public.search_chat_messages(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.search_chat_messages(text, integer) TO authenticated, service_role;
