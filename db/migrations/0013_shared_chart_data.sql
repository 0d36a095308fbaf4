-- Share pages draw their charts: an anonymous visitor holding a valid link may read the data of
-- the charts of that dashboard, and nothing else. The link is checked exactly as
-- shared_dashboard checks it (one helper for both now).

-- The dashboard a share link opens, or the reason it does not (OC010 not found, OC011 expired,
-- OC012 password required, OC013 wrong password). Stamps the link's last use.
CREATE FUNCTION private.open_share_link(p_token text, p_password text)
RETURNS public.sharing_links
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = '' AS $$
DECLARE
  link public.sharing_links;
BEGIN
  IF p_token IS NULL OR length(p_token) > 256 THEN
    RAISE EXCEPTION 'share link not found' USING ERRCODE = 'OC010';
  END IF;
  SELECT * INTO link FROM public.sharing_links l WHERE l.token = private.share_token_hash(p_token);
  IF NOT FOUND OR coalesce(link.permissions ->> 'view', 'false') <> 'true' THEN
    RAISE EXCEPTION 'share link not found' USING ERRCODE = 'OC010';
  END IF;
  IF link.expires_at IS NOT NULL AND link.expires_at <= now() THEN
    RAISE EXCEPTION 'this share link has expired' USING ERRCODE = 'OC011';
  END IF;
  IF link.password_hash IS NOT NULL THEN
    IF p_password IS NULL THEN
      RAISE EXCEPTION 'this share link needs a password' USING ERRCODE = 'OC012';
    END IF;
    IF extensions.crypt(p_password, link.password_hash) <> link.password_hash THEN
      RAISE EXCEPTION 'wrong password for this share link' USING ERRCODE = 'OC013';
    END IF;
  END IF;
  UPDATE public.sharing_links l SET last_accessed_at = now() WHERE l.id = link.id;
  RETURN link;
END
$$;
REVOKE ALL ON FUNCTION private.open_share_link(text, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION public.shared_dashboard(p_token text, p_password text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = '' AS $$
DECLARE
  link public.sharing_links := private.open_share_link(p_token, p_password);
BEGIN
  RETURN private.dashboard_snapshot(link.dashboard_id)
    || jsonb_build_object('permissions', link.permissions, 'expires_at', link.expires_at);
END
$$;

-- For one chart of a shared dashboard: its configuration, and the datasets its query may read:
-- the one the chart names and those its SQL names by table name, of the dashboard's owner only
-- (the owning user's personal datasets, or the owning team's). Anything else stays closed, even a
-- dataset the chart names by id: an editor could name any id in a spec, and a link must not
-- become a way to read data its dashboard's owner does not own. A chart of another dashboard is
-- "not found" (OC010), as is everything else a link does not open.
CREATE FUNCTION public.shared_chart_data_sources(
  p_token text, p_password text, p_chart_id uuid, p_table_names text[]
)
RETURNS TABLE (configuration jsonb, dataset_id uuid, table_name text, storage_key uuid, columns jsonb)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = '' AS $$
DECLARE
  link public.sharing_links := private.open_share_link(p_token, p_password);
  board public.dashboards;
  chart_configuration jsonb;
BEGIN
  SELECT c.configuration INTO chart_configuration
  FROM public.charts c JOIN public.dashboard_tabs t ON t.id = c.dashboard_tab_id
  WHERE c.id = p_chart_id AND t.dashboard_id = link.dashboard_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'chart not found' USING ERRCODE = 'OC010';
  END IF;
  SELECT * INTO board FROM public.dashboards d WHERE d.id = link.dashboard_id;
  RETURN QUERY
    SELECT chart_configuration, NULL::uuid, NULL::text, NULL::uuid, NULL::jsonb
    UNION ALL
    SELECT chart_configuration, d.id, d.table_name, d.storage_key, d.columns
    FROM public.datasets d
    WHERE (d.owner_user_id = board.owner_user_id OR d.owner_team_id = board.owner_team_id)
      AND (d.id::text = chart_configuration -> 'data' ->> 'dataset_id' OR d.table_name = ANY (p_table_names));
END
$$;
REVOKE ALL ON FUNCTION public.shared_chart_data_sources(text, text, uuid, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.shared_chart_data_sources(text, text, uuid, text[]) TO anon, authenticated, service_role;
