-- What the assistant changes is history like any other change, plus where it came from: each
-- dashboard version the assistant saves records its provenance (the prompt, the agent, the model,
-- the tool, the query and the reason), so "undo what the assistant did" is one restore and "why
-- does this chart exist" has an answer.
--
-- The server sets it for the transaction of a tool call (set_config('ocp.provenance', …, true));
-- the database stamps it on every version that transaction saves. No API route lets a caller run
-- set_config, so a person's own edits cannot pass for the assistant's, nor the other way round.

ALTER TABLE public.dashboard_versions
  ADD COLUMN provenance jsonb CHECK (provenance IS NULL OR jsonb_typeof(provenance) = 'object');

CREATE FUNCTION private.stamp_version_provenance() RETURNS trigger
LANGUAGE plpgsql SET search_path = '' AS $$
DECLARE
  given text := nullif(current_setting('ocp.provenance', true), '');
BEGIN
  NEW.provenance := CASE WHEN given IS NULL THEN NULL ELSE given::jsonb END;
  IF NEW.provenance IS NOT NULL AND NEW.provenance ? 'reason' THEN
    NEW.change_summary := left(
      coalesce(NEW.change_summary, 'Changed the dashboard') || ' — assistant: ' || (NEW.provenance ->> 'reason'),
      2000);
  END IF;
  RETURN NEW;
END
$$;
-- Named to run after assign_version_number (triggers fire in name order).
CREATE TRIGGER stamp_version_provenance BEFORE INSERT ON public.dashboard_versions
  FOR EACH ROW EXECUTE FUNCTION private.stamp_version_provenance();

-- Where the assistant's work is noticed most: the history list marks its versions.
CREATE INDEX idx_dashboard_versions_assistant ON public.dashboard_versions (dashboard_id, version_number DESC)
  WHERE provenance IS NOT NULL;
