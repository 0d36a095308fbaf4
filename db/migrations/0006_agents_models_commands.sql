-- The assistant's configuration: LLM models (managed by the server), agents and custom commands
-- (owned by a user or a team, optionally public). The seed had no row-level security on these
-- three: anyone could read private agents and forge models (review #3, #17).

CREATE TABLE public.llm_models (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider text NOT NULL CHECK (length(btrim(provider)) BETWEEN 1 AND 60),
  model_id text NOT NULL CHECK (length(btrim(model_id)) BETWEEN 1 AND 200),
  display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
  description text,
  is_active boolean NOT NULL DEFAULT true,
  capabilities jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(capabilities) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, model_id)
);

CREATE TABLE public.agents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
  description text CHECK (description IS NULL OR length(description) <= 2000),
  instructions text NOT NULL CHECK (length(instructions) <= 50000),
  owner_user_id uuid REFERENCES auth.users (id) ON DELETE CASCADE,
  owner_team_id uuid REFERENCES public.teams (id) ON DELETE CASCADE,
  is_public boolean NOT NULL DEFAULT false,
  settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT agent_owner_check CHECK (
    (owner_user_id IS NOT NULL AND owner_team_id IS NULL) OR
    (owner_user_id IS NULL AND owner_team_id IS NOT NULL)
  )
);
-- A user's agents, a team's agents, the public ones (the three branches of the read policy).
CREATE INDEX idx_agents_owner_user_id ON public.agents (owner_user_id) WHERE owner_user_id IS NOT NULL;
CREATE INDEX idx_agents_owner_team_id ON public.agents (owner_team_id) WHERE owner_team_id IS NOT NULL;
CREATE INDEX idx_agents_public ON public.agents (name) WHERE is_public;
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.agents
  FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

CREATE TABLE public.custom_commands (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
  description text CHECK (description IS NULL OR length(description) <= 2000),
  -- A pattern for a linear-time (RE2) engine, matched by the server before any model sees the prompt.
  command_pattern text NOT NULL CHECK (length(command_pattern) BETWEEN 1 AND 1000),
  -- How the command runs. Never a secret: webhook credentials live where no API role can read.
  handler_config jsonb NOT NULL CHECK (jsonb_typeof(handler_config) = 'object'),
  owner_user_id uuid REFERENCES auth.users (id) ON DELETE CASCADE,
  owner_team_id uuid REFERENCES public.teams (id) ON DELETE CASCADE,
  is_public boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT command_owner_check CHECK (
    (owner_user_id IS NOT NULL AND owner_team_id IS NULL) OR
    (owner_user_id IS NULL AND owner_team_id IS NOT NULL)
  )
);
CREATE INDEX idx_custom_commands_owner_user_id ON public.custom_commands (owner_user_id) WHERE owner_user_id IS NOT NULL;
CREATE INDEX idx_custom_commands_owner_team_id ON public.custom_commands (owner_team_id) WHERE owner_team_id IS NOT NULL;
CREATE INDEX idx_custom_commands_public ON public.custom_commands (name) WHERE is_public;
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.custom_commands
  FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

-- A team editor may edit a team's agent or command, but not take it away from the team.
CREATE TRIGGER guard_owner_change BEFORE UPDATE OF owner_user_id, owner_team_id ON public.agents
  FOR EACH ROW EXECUTE FUNCTION private.guard_owner_change();
CREATE TRIGGER guard_owner_change BEFORE UPDATE OF owner_user_id, owner_team_id ON public.custom_commands
  FOR EACH ROW EXECUTE FUNCTION private.guard_owner_change();

ALTER TABLE public.llm_models ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.agents ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.custom_commands ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON public.llm_models, public.agents, public.custom_commands FROM anon, authenticated;
GRANT ALL ON public.llm_models, public.agents, public.custom_commands TO service_role;
GRANT SELECT ON public.llm_models TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.agents, public.custom_commands TO authenticated;

-- Models: every signed-in user reads the list; only the server (service_role, which bypasses
-- row-level security) writes it, so there is no write policy.
CREATE POLICY "signed-in users read models" ON public.llm_models
  FOR SELECT TO authenticated USING (true);

-- Agents: the owner, the owning team's members, and everyone signed in for public ones, read.
CREATE POLICY "owners, team members and everyone for public agents read" ON public.agents
  FOR SELECT TO authenticated USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('viewer'))::uuid[])
    OR is_public
  );
-- The owner, or a team's editors and admins, write; never in someone else's name.
CREATE POLICY "owners and team editors create agents" ON public.agents
  FOR INSERT TO authenticated WITH CHECK (
    (owner_user_id = (SELECT auth.uid()) AND owner_team_id IS NULL)
    OR (owner_user_id IS NULL AND owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[]))
  );
CREATE POLICY "owners and team editors update agents" ON public.agents
  FOR UPDATE TO authenticated
  USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[])
  )
  WITH CHECK (
    (owner_user_id = (SELECT auth.uid()) AND owner_team_id IS NULL)
    OR (owner_user_id IS NULL AND owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[]))
  );
CREATE POLICY "owners and team editors delete agents" ON public.agents
  FOR DELETE TO authenticated USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[])
  );

-- Custom commands: the same rules as agents.
CREATE POLICY "owners, team members and everyone for public commands read" ON public.custom_commands
  FOR SELECT TO authenticated USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('viewer'))::uuid[])
    OR is_public
  );
CREATE POLICY "owners and team editors create commands" ON public.custom_commands
  FOR INSERT TO authenticated WITH CHECK (
    (owner_user_id = (SELECT auth.uid()) AND owner_team_id IS NULL)
    OR (owner_user_id IS NULL AND owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[]))
  );
CREATE POLICY "owners and team editors update commands" ON public.custom_commands
  FOR UPDATE TO authenticated
  USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[])
  )
  WITH CHECK (
    (owner_user_id = (SELECT auth.uid()) AND owner_team_id IS NULL)
    OR (owner_user_id IS NULL AND owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[]))
  );
CREATE POLICY "owners and team editors delete commands" ON public.custom_commands
  FOR DELETE TO authenticated USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[])
  );
