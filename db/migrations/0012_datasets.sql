-- Datasets: the data people upload and chart. PostgreSQL keeps what a dataset is, who owns it and
-- who may read it; the rows themselves live in a DuckDB file per load (src/data/), named by
-- storage_key inside the dataset's own folder. Same ownership rules as dashboards: personal or
-- team-owned; the owner and the team's editors and admins write, the team's viewers read.

CREATE TABLE public.datasets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  description text CHECK (description IS NULL OR length(description) <= 5000),
  -- The name SQL uses for it: a lower-case identifier, unique per owner, fixed at creation so that
  -- saved SQL keeps working when the dataset is renamed.
  table_name text NOT NULL CHECK (table_name ~ '^[a-z_][a-z0-9_]{0,62}$'),
  owner_user_id uuid REFERENCES auth.users (id) ON DELETE CASCADE,
  owner_team_id uuid REFERENCES public.teams (id) ON DELETE CASCADE,
  -- Where the current data came from: {kind, file_name, format, options}.
  source jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(source) = 'object'),
  -- [{name, type, kind}] of the current data.
  columns jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(columns) = 'array'),
  row_count bigint NOT NULL DEFAULT 0 CHECK (row_count >= 0),
  size_bytes bigint NOT NULL DEFAULT 0 CHECK (size_bytes >= 0),
  -- The DuckDB file of the current data (a UUID: a path can only ever point inside this dataset's
  -- folder); null until the first load succeeds.
  storage_key uuid,
  -- Counted by the database: 1 after the first load, one more per replace or append. Query
  -- results are cached per (storage_key, query), so a new load is a new cache key.
  data_version integer NOT NULL DEFAULT 0 CHECK (data_version >= 0),
  created_by uuid DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE SET NULL,
  loaded_by uuid REFERENCES auth.users (id) ON DELETE SET NULL,
  loaded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dataset_owner_check CHECK (
    (owner_user_id IS NOT NULL AND owner_team_id IS NULL) OR
    (owner_user_id IS NULL AND owner_team_id IS NOT NULL)
  )
);
-- "My datasets" by name; also one table_name per personal owner.
CREATE UNIQUE INDEX idx_datasets_user_table_name ON public.datasets (owner_user_id, table_name)
  WHERE owner_user_id IS NOT NULL;
-- "My teams' datasets"; also one table_name per team.
CREATE UNIQUE INDEX idx_datasets_team_table_name ON public.datasets (owner_team_id, table_name)
  WHERE owner_team_id IS NOT NULL;
-- Foreign keys to users (deleting a user sets these to null).
CREATE INDEX idx_datasets_created_by ON public.datasets (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX idx_datasets_loaded_by ON public.datasets (loaded_by) WHERE loaded_by IS NOT NULL;
CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.datasets
  FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

-- A new storage_key is a new load: the database counts it and stamps who and when, whatever the
-- caller sent for those columns.
CREATE FUNCTION private.stamp_dataset_load() RETURNS trigger
LANGUAGE plpgsql SET search_path = '' AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.data_version := CASE WHEN NEW.storage_key IS NULL THEN 0 ELSE 1 END;
    NEW.loaded_at := CASE WHEN NEW.storage_key IS NULL THEN NULL ELSE now() END;
    NEW.loaded_by := CASE WHEN NEW.storage_key IS NULL THEN NULL ELSE auth.uid() END;
  ELSIF NEW.storage_key IS DISTINCT FROM OLD.storage_key THEN
    NEW.data_version := OLD.data_version + 1;
    NEW.loaded_at := now();
    NEW.loaded_by := auth.uid();
  ELSE
    NEW.data_version := OLD.data_version;
    NEW.loaded_at := OLD.loaded_at;
    NEW.loaded_by := OLD.loaded_by;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER stamp_dataset_load BEFORE INSERT OR UPDATE ON public.datasets
  FOR EACH ROW EXECUTE FUNCTION private.stamp_dataset_load();

ALTER TABLE public.datasets ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON public.datasets FROM anon, authenticated;
GRANT ALL ON public.datasets TO service_role;
GRANT SELECT, INSERT, DELETE ON public.datasets TO authenticated;
-- A dataset does not change hands (its table_name is unique per owner); everything else may change.
GRANT UPDATE (name, description, source, columns, row_count, size_bytes, storage_key)
  ON public.datasets TO authenticated;

-- Read: the owner and every member of the owning team.
CREATE POLICY "owners and team members read datasets" ON public.datasets
  FOR SELECT TO authenticated USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('viewer'))::uuid[])
  );
-- Create, change, reload, delete: the owner, or the team's editors and admins; never in someone
-- else's name.
CREATE POLICY "owners and team editors create datasets" ON public.datasets
  FOR INSERT TO authenticated WITH CHECK (
    (owner_user_id = (SELECT auth.uid()) AND owner_team_id IS NULL)
    OR (owner_user_id IS NULL AND owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[]))
  );
CREATE POLICY "owners and team editors update datasets" ON public.datasets
  FOR UPDATE TO authenticated
  USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[])
  )
  WITH CHECK (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[])
  );
CREATE POLICY "owners and team editors delete datasets" ON public.datasets
  FOR DELETE TO authenticated USING (
    owner_user_id = (SELECT auth.uid())
    OR owner_team_id = ANY ((SELECT private.my_team_ids('editor'))::uuid[])
  );

-- Charts name their dataset in configuration.data.dataset_id; "which charts use this dataset" is a
-- containment query served by idx_charts_configuration_gin (0003). The caller sees the charts of
-- dashboards he can read; this counts all of them, so that whoever may delete the dataset learns
-- that charts he cannot see depend on it too (their number, nothing else). Others get null.
CREATE FUNCTION public.dataset_chart_count(p_dataset_id uuid) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM public.datasets d
    WHERE d.id = p_dataset_id
      AND (d.owner_user_id = auth.uid() OR d.owner_team_id = ANY (private.my_team_ids('editor')))
  ) THEN
    RETURN NULL;
  END IF;
  RETURN (
    SELECT count(*)::integer FROM public.charts c
    WHERE c.configuration @> jsonb_build_object('data', jsonb_build_object('dataset_id', p_dataset_id::text))
  );
END
$$;
REVOKE ALL ON FUNCTION public.dataset_chart_count(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.dataset_chart_count(uuid) TO authenticated, service_role;
