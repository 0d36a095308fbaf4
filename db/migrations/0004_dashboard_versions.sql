-- Dashboard versions: append-only history. The database numbers each version and takes its
-- snapshot itself, so no concurrent save is lost (review #5) and no client can forge history.

CREATE TABLE public.dashboard_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dashboard_id uuid NOT NULL REFERENCES public.dashboards (id) ON DELETE CASCADE,
  -- Assigned by assign_version_number: 1, 2, 3… per dashboard, without gaps.
  version_number integer NOT NULL CHECK (version_number > 0),
  -- The complete dashboard (its fields, tabs and charts) as it was when the version was saved.
  snapshot jsonb NOT NULL CHECK (jsonb_typeof(snapshot) = 'object'),
  change_summary text CHECK (change_summary IS NULL OR length(change_summary) <= 2000),
  -- History outlives its authors: a deleted user's versions stay, without the name.
  created_by uuid DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (dashboard_id, version_number)
);
-- The unique (dashboard_id, version_number) index serves the history list, the latest version
-- and the numbering; this one the foreign key from auth.users.
CREATE INDEX idx_dashboard_versions_created_by ON public.dashboard_versions (created_by);

-- The dashboard as one JSON document: what a version stores and what a share link shows.
-- No owner data is in it. Ids are kept so that two versions can be compared chart by chart.
CREATE FUNCTION private.dashboard_snapshot(p_dashboard_id uuid) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
  SELECT jsonb_build_object(
    'id', d.id,
    'title', d.title,
    'description', d.description,
    'is_public', d.is_public,
    'settings', d.settings,
    'tabs', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
        'id', t.id,
        'title', t.title,
        'description', t.description,
        'position', t.position,
        'settings', t.settings,
        'charts', coalesce((
          SELECT jsonb_agg(jsonb_build_object(
            'id', c.id,
            'title', c.title,
            'chart_type', c.chart_type,
            'configuration', c.configuration,
            'position', c.position
          ) ORDER BY c.position)
          FROM public.charts c WHERE c.dashboard_tab_id = t.id
        ), '[]'::jsonb)
      ) ORDER BY t.position)
      FROM public.dashboard_tabs t WHERE t.dashboard_id = d.id
    ), '[]'::jsonb)
  )
  FROM public.dashboards d WHERE d.id = p_dashboard_id
$$;

-- Numbers and snapshots a new version. The dashboard row is locked first, so concurrent saves of
-- one dashboard queue and each takes the next number; none fails and none is lost.
CREATE FUNCTION private.assign_version_number() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  IF NEW.version_number IS NOT NULL THEN
    RAISE EXCEPTION 'version_number is assigned by the database; leave it out'
      USING ERRCODE = 'OC004', COLUMN = 'version_number';
  END IF;
  IF NEW.snapshot IS NOT NULL THEN
    RAISE EXCEPTION 'snapshot is taken by the database from the saved dashboard; leave it out'
      USING ERRCODE = 'OC004', COLUMN = 'snapshot';
  END IF;
  PERFORM 1 FROM public.dashboards d WHERE d.id = NEW.dashboard_id FOR NO KEY UPDATE;
  SELECT coalesce(max(v.version_number), 0) + 1 INTO NEW.version_number
  FROM public.dashboard_versions v WHERE v.dashboard_id = NEW.dashboard_id;
  NEW.snapshot := private.dashboard_snapshot(NEW.dashboard_id);
  RETURN NEW;
END
$$;
CREATE TRIGGER assign_version_number BEFORE INSERT ON public.dashboard_versions
  FOR EACH ROW EXECUTE FUNCTION private.assign_version_number();

-- History is never rewritten, by anyone (restoring saves a new version). Versions go only with
-- their dashboard: a direct DELETE is refused while the dashboard exists. The one update allowed
-- is the foreign key's own: forgetting the author when his account is deleted.
CREATE FUNCTION private.keep_versions_append_only() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.created_by IS NULL
     AND to_jsonb(NEW) - 'created_by' = to_jsonb(OLD) - 'created_by' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' OR EXISTS (SELECT 1 FROM public.dashboards d WHERE d.id = OLD.dashboard_id) THEN
    RAISE EXCEPTION 'dashboard versions are append-only' USING ERRCODE = 'OC005';
  END IF;
  RETURN OLD;
END
$$;
CREATE TRIGGER keep_versions_append_only BEFORE UPDATE OR DELETE ON public.dashboard_versions
  FOR EACH ROW EXECUTE FUNCTION private.keep_versions_append_only();

ALTER TABLE public.dashboard_versions ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON public.dashboard_versions FROM anon, authenticated;
GRANT SELECT, INSERT ON public.dashboard_versions TO authenticated;
-- anon may ask (a public dashboard's page does) but no policy lets it see any version.
GRANT SELECT ON public.dashboard_versions TO anon;
GRANT SELECT, INSERT, DELETE ON public.dashboard_versions TO service_role;

-- The owner and the owning team's members read the history. Making a dashboard public publishes
-- its present state, not what it held before.
CREATE FUNCTION private.is_dashboard_insider(p_dashboard_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.dashboards d
    WHERE d.id = p_dashboard_id
      AND (d.owner_user_id = auth.uid() OR d.owner_team_id = ANY (private.my_team_ids('viewer')))
  )
$$;
GRANT EXECUTE ON FUNCTION private.is_dashboard_insider(uuid) TO anon, authenticated, service_role;

CREATE POLICY "owners and team members read versions" ON public.dashboard_versions
  FOR SELECT TO authenticated USING (private.is_dashboard_insider(dashboard_id));
-- Whoever may edit a dashboard saves versions of it, in his own name.
CREATE POLICY "dashboard editors save versions" ON public.dashboard_versions
  FOR INSERT TO authenticated
  WITH CHECK (created_by = (SELECT auth.uid()) AND private.can_edit_dashboard(dashboard_id));
-- No UPDATE or DELETE policy: versions are append-only (and the trigger above says so to all).
