-- Dashboards, their tabs and their charts, with the rules that keep them whole: who may read,
-- edit, delete and move them; at most 10 charts a tab under any concurrency; positions that can
-- be swapped inside one transaction.

CREATE TABLE public.dashboards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  description text CHECK (description IS NULL OR length(description) <= 5000),
  -- Personal dashboards go with their owner; team dashboards with their team.
  owner_user_id uuid REFERENCES auth.users (id) ON DELETE CASCADE,
  owner_team_id uuid REFERENCES public.teams (id) ON DELETE CASCADE,
  is_public boolean NOT NULL DEFAULT false,
  settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dashboard_owner_check CHECK (
    (owner_user_id IS NOT NULL AND owner_team_id IS NULL) OR
    (owner_user_id IS NULL AND owner_team_id IS NOT NULL)
  )
);
-- "My dashboards", newest first (the dashboard list policy filters on the owner).
CREATE INDEX idx_dashboards_owner_user_id ON public.dashboards (owner_user_id, updated_at DESC)
  WHERE owner_user_id IS NOT NULL;
-- "My teams' dashboards", newest first.
CREATE INDEX idx_dashboards_owner_team_id ON public.dashboards (owner_team_id, updated_at DESC)
  WHERE owner_team_id IS NOT NULL;
-- Public dashboards (the policy's third branch).
CREATE INDEX idx_dashboards_public ON public.dashboards (updated_at DESC) WHERE is_public;
-- Search by title.
CREATE INDEX idx_dashboards_title_trgm ON public.dashboards USING gin (title extensions.gin_trgm_ops);
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.dashboards
  FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

CREATE TABLE public.dashboard_tabs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dashboard_id uuid NOT NULL REFERENCES public.dashboards (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  description text CHECK (description IS NULL OR length(description) <= 5000),
  -- Left out on insert, the next free position is taken (see assign_tab_position).
  position integer NOT NULL CHECK (position >= 0),
  settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Deferred, so that two tabs can swap positions inside one transaction (review #8).
  CONSTRAINT dashboard_tabs_dashboard_id_position_key UNIQUE (dashboard_id, position)
    DEFERRABLE INITIALLY DEFERRED
);
-- A dashboard's tabs in order; also the foreign key's index. (The deferred unique constraint's
-- index serves lookups too, but the planner treats a deferrable index as non-unique.)
CREATE INDEX idx_dashboard_tabs_position ON public.dashboard_tabs (dashboard_id, position);
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.dashboard_tabs
  FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

CREATE TABLE public.charts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dashboard_tab_id uuid NOT NULL REFERENCES public.dashboard_tabs (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  chart_type text NOT NULL CHECK (chart_type IN (
    'line', 'area', 'bar', 'stacked_bar', 'pie', 'donut', 'scatter', 'heatmap',
    'histogram', 'kpi', 'table', 'combo'
  )),
  configuration jsonb NOT NULL CHECK (jsonb_typeof(configuration) = 'object'),
  position integer NOT NULL CHECK (position >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT charts_dashboard_tab_id_position_key UNIQUE (dashboard_tab_id, position)
    DEFERRABLE INITIALLY DEFERRED
);
-- A tab's charts in order; also the foreign key's index and the chart-cap count.
CREATE INDEX idx_charts_position ON public.charts (dashboard_tab_id, position);
-- Which charts use a given dataset or setting (configuration @> '{...}').
CREATE INDEX idx_charts_configuration_gin ON public.charts USING gin (configuration jsonb_path_ops);
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.charts
  FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------
-- Access helpers. SECURITY DEFINER with a fixed search_path; they read auth.uid() themselves.
CREATE FUNCTION private.can_read_dashboard(p_dashboard_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.dashboards d
    WHERE d.id = p_dashboard_id
      AND (d.is_public OR d.owner_user_id = auth.uid() OR d.owner_team_id = ANY (private.my_team_ids('viewer')))
  )
$$;

CREATE FUNCTION private.can_edit_dashboard(p_dashboard_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.dashboards d
    WHERE d.id = p_dashboard_id
      AND (d.owner_user_id = auth.uid() OR d.owner_team_id = ANY (private.my_team_ids('editor')))
  )
$$;

CREATE FUNCTION private.can_edit_tab(p_tab_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
  SELECT private.can_edit_dashboard((SELECT t.dashboard_id FROM public.dashboard_tabs t WHERE t.id = p_tab_id))
$$;

GRANT EXECUTE ON FUNCTION private.can_read_dashboard(uuid), private.can_edit_dashboard(uuid),
  private.can_edit_tab(uuid) TO anon, authenticated, service_role;

-- For functions that act on a dashboard: one that the caller may not read does not exist for him
-- (no_data_found, answered as 404); one he may read but not change is forbidden (42501, 403).
CREATE FUNCTION private.require_dashboard_access(p_dashboard_id uuid, p_access text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  IF p_dashboard_id IS NULL OR NOT private.can_read_dashboard(p_dashboard_id) THEN
    RAISE EXCEPTION 'dashboard not found' USING ERRCODE = 'no_data_found';
  END IF;
  IF p_access = 'edit' AND NOT private.can_edit_dashboard(p_dashboard_id) THEN
    RAISE EXCEPTION 'you may not change this dashboard' USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;
GRANT EXECUTE ON FUNCTION private.require_dashboard_access(uuid, text) TO anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Integrity triggers

-- Moving something owned (a dashboard here; agents and commands in 0006) out of its owner's hands
-- is a deletion from the old owner's point of view: only the owner or an admin of the owning team
-- may do it. (Where it may go is the UPDATE policy's WITH CHECK: to the caller himself, or to a
-- team where he is editor or admin.)
CREATE FUNCTION private.guard_owner_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = '' AS $$
BEGIN
  IF current_user = 'authenticated'
     AND (NEW.owner_user_id IS DISTINCT FROM OLD.owner_user_id OR NEW.owner_team_id IS DISTINCT FROM OLD.owner_team_id)
     AND NOT coalesce(OLD.owner_user_id = auth.uid() OR OLD.owner_team_id = ANY (private.my_team_ids('admin')), false)
  THEN
    RAISE EXCEPTION 'only the owner or a team admin may move this to another owner'
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER guard_owner_change BEFORE UPDATE OF owner_user_id, owner_team_id ON public.dashboards
  FOR EACH ROW EXECUTE FUNCTION private.guard_owner_change();

-- A tab inserted without a position goes last. The dashboard row is locked first so that
-- concurrent inserts take distinct positions.
CREATE FUNCTION private.assign_tab_position() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  IF NEW.position IS NULL THEN
    PERFORM 1 FROM public.dashboards d WHERE d.id = NEW.dashboard_id FOR NO KEY UPDATE;
    SELECT coalesce(max(t.position) + 1, 0) INTO NEW.position
    FROM public.dashboard_tabs t WHERE t.dashboard_id = NEW.dashboard_id;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER assign_tab_position BEFORE INSERT OR UPDATE OF position ON public.dashboard_tabs
  FOR EACH ROW EXECUTE FUNCTION private.assign_tab_position();

-- At most 10 charts a tab, on INSERT and on an UPDATE that moves a chart to another tab
-- (review #4). The tab row is locked before counting, so concurrent writers queue and each
-- counts what the previous one committed (READ COMMITTED takes a new snapshot per statement).
-- A chart without a position goes last.
CREATE FUNCTION private.enforce_chart_cap() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
DECLARE
  max_charts constant integer := 10;
  charts_in_tab integer;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.dashboard_tab_id = OLD.dashboard_tab_id AND NEW.position IS NOT NULL THEN
    RETURN NEW;
  END IF;
  PERFORM 1 FROM public.dashboard_tabs t WHERE t.id = NEW.dashboard_tab_id FOR NO KEY UPDATE;
  IF TG_OP = 'INSERT' OR NEW.dashboard_tab_id <> OLD.dashboard_tab_id THEN
    SELECT count(*) INTO charts_in_tab
    FROM public.charts c WHERE c.dashboard_tab_id = NEW.dashboard_tab_id AND c.id <> NEW.id;
    IF charts_in_tab >= max_charts THEN
      RAISE EXCEPTION 'a tab holds at most % charts', max_charts
        USING ERRCODE = 'OC001', HINT = 'Add another tab, or remove a chart from this one.';
    END IF;
  END IF;
  IF NEW.position IS NULL THEN
    SELECT coalesce(max(c.position) + 1, 0) INTO NEW.position
    FROM public.charts c WHERE c.dashboard_tab_id = NEW.dashboard_tab_id AND c.id <> NEW.id;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER enforce_chart_cap BEFORE INSERT OR UPDATE OF dashboard_tab_id, position ON public.charts
  FOR EACH ROW EXECUTE FUNCTION private.enforce_chart_cap();

-- ---------------------------------------------------------------------------------------------
-- Row-level security
ALTER TABLE public.dashboards ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.dashboard_tabs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.charts ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON public.dashboards, public.dashboard_tabs, public.charts FROM anon, authenticated;
GRANT ALL ON public.dashboards, public.dashboard_tabs, public.charts TO service_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.dashboards, public.dashboard_tabs, public.charts TO authenticated;
GRANT SELECT ON public.dashboards, public.dashboard_tabs, public.charts TO anon;

-- Dashboards: the owner, any member of the owning team, and everyone when public.
CREATE POLICY "owners, team members and everyone for public dashboards read" ON public.dashboards
  FOR SELECT TO anon, authenticated USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('viewer'))::uuid[])
    OR is_public
  );
-- A user creates dashboards for himself, or for a team where he is editor or admin.
CREATE POLICY "users create their own dashboards and editors team dashboards" ON public.dashboards
  FOR INSERT TO authenticated WITH CHECK (
    (owner_user_id = (SELECT auth.uid()) AND owner_team_id IS NULL)
    OR (owner_user_id IS NULL AND owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[]))
  );
-- The owner or a team editor/admin edits; the result must again belong to the caller himself or
-- to a team where he is editor or admin.
CREATE POLICY "owners and team editors update dashboards" ON public.dashboards
  FOR UPDATE TO authenticated
  USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[])
  )
  WITH CHECK (
    (owner_user_id = (SELECT auth.uid()) AND owner_team_id IS NULL)
    OR (owner_user_id IS NULL AND owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[]))
  );
-- The owner or a team admin deletes.
CREATE POLICY "owners and team admins delete dashboards" ON public.dashboards
  FOR DELETE TO authenticated USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('admin'))::uuid[])
  );

-- Tabs follow their dashboard: read with it, written by those who may edit it. The read policy
-- asks the dashboards table itself, under its own policy, rather than a helper function per row:
-- the planner then runs the membership lookup once per statement (bench:db: a dashboard tree
-- with 7 charts went from 8.7 ms to about 2 ms).
CREATE POLICY "tabs are read with their dashboard" ON public.dashboard_tabs
  FOR SELECT TO anon, authenticated USING (EXISTS (SELECT 1 FROM public.dashboards d WHERE d.id = dashboard_id));
CREATE POLICY "dashboard editors add tabs" ON public.dashboard_tabs
  FOR INSERT TO authenticated WITH CHECK (private.can_edit_dashboard(dashboard_id));
CREATE POLICY "dashboard editors update tabs" ON public.dashboard_tabs
  FOR UPDATE TO authenticated
  USING (private.can_edit_dashboard(dashboard_id)) WITH CHECK (private.can_edit_dashboard(dashboard_id));
CREATE POLICY "dashboard editors delete tabs" ON public.dashboard_tabs
  FOR DELETE TO authenticated USING (private.can_edit_dashboard(dashboard_id));

-- Charts follow their tab's dashboard likewise; a chart moved to another tab must land on a
-- dashboard the caller may edit too.
CREATE POLICY "charts are read with their dashboard" ON public.charts
  FOR SELECT TO anon, authenticated USING (EXISTS (SELECT 1 FROM public.dashboard_tabs t WHERE t.id = dashboard_tab_id));
CREATE POLICY "dashboard editors add charts" ON public.charts
  FOR INSERT TO authenticated WITH CHECK (private.can_edit_tab(dashboard_tab_id));
CREATE POLICY "dashboard editors update charts" ON public.charts
  FOR UPDATE TO authenticated
  USING (private.can_edit_tab(dashboard_tab_id)) WITH CHECK (private.can_edit_tab(dashboard_tab_id));
CREATE POLICY "dashboard editors delete charts" ON public.charts
  FOR DELETE TO authenticated USING (private.can_edit_tab(dashboard_tab_id));

-- ---------------------------------------------------------------------------------------------
-- Reordering in one statement, as the caller (row-level security applies). The arrays must
-- name every tab of the dashboard / chart of the tab exactly once.
CREATE FUNCTION public.reorder_tabs(p_dashboard_id uuid, p_tab_ids uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER SET search_path = '' AS $$
BEGIN
  PERFORM private.require_dashboard_access(p_dashboard_id, 'edit');
  IF (SELECT array_agg(t.id ORDER BY t.id) FROM public.dashboard_tabs t WHERE t.dashboard_id = p_dashboard_id)
     IS DISTINCT FROM (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(p_tab_ids) x)
     OR cardinality(p_tab_ids) <> (SELECT count(DISTINCT x) FROM unnest(p_tab_ids) x)
  THEN
    RAISE EXCEPTION 'the new order must list every tab of the dashboard exactly once' USING ERRCODE = 'OC003';
  END IF;
  UPDATE public.dashboard_tabs t SET position = o.ord - 1
  FROM unnest(p_tab_ids) WITH ORDINALITY AS o(id, ord)
  WHERE t.id = o.id AND t.position <> o.ord - 1;
END
$$;

CREATE FUNCTION public.reorder_charts(p_tab_id uuid, p_chart_ids uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER SET search_path = '' AS $$
BEGIN
  PERFORM private.require_dashboard_access((SELECT t.dashboard_id FROM public.dashboard_tabs t WHERE t.id = p_tab_id), 'edit');
  IF (SELECT array_agg(c.id ORDER BY c.id) FROM public.charts c WHERE c.dashboard_tab_id = p_tab_id)
     IS DISTINCT FROM (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(p_chart_ids) x)
     OR cardinality(p_chart_ids) <> (SELECT count(DISTINCT x) FROM unnest(p_chart_ids) x)
  THEN
    RAISE EXCEPTION 'the new order must list every chart of the tab exactly once' USING ERRCODE = 'OC003';
  END IF;
  UPDATE public.charts c SET position = o.ord - 1
  FROM unnest(p_chart_ids) WITH ORDINALITY AS o(id, ord)
  WHERE c.id = o.id AND c.position <> o.ord - 1;
END
$$;
REVOKE ALL ON FUNCTION public.reorder_tabs(uuid, uuid[]), public.reorder_charts(uuid, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.reorder_tabs(uuid, uuid[]), public.reorder_charts(uuid, uuid[])
  TO authenticated, service_role;
