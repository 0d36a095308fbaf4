-- Share links: bearer secrets for read-only access to one dashboard by anyone who has the link.
-- Only a hash of the token is stored (review #9); anonymous viewers come in through one function
-- that checks the token, its expiry, its permissions and its password.

CREATE TABLE public.sharing_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dashboard_id uuid NOT NULL REFERENCES public.dashboards (id) ON DELETE CASCADE,
  -- The SHA-256 of the token, in hex (private.share_token_hash). The token itself is shown to its
  -- creator once and never stored; the check keeps a clear-text token from being saved here.
  token text NOT NULL UNIQUE CHECK (token ~ '^[0-9a-f]{64}$'),
  permissions jsonb NOT NULL DEFAULT '{"view": true}' CHECK (jsonb_typeof(permissions) = 'object'),
  expires_at timestamptz,
  -- Optional password, as a bcrypt hash from pgcrypto's crypt(); checked inside the database.
  password_hash text CHECK (password_hash IS NULL OR password_hash LIKE '$2_$%'),
  has_password boolean GENERATED ALWAYS AS (password_hash IS NOT NULL) STORED,
  created_by uuid DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_accessed_at timestamptz
);
-- A dashboard's links (the policy and the foreign key).
CREATE INDEX idx_sharing_links_dashboard_id ON public.sharing_links (dashboard_id);
-- Foreign key from auth.users.
CREATE INDEX idx_sharing_links_created_by ON public.sharing_links (created_by);
-- Viewing a link stamps last_accessed_at; that is not an edit of the link.
CREATE TRIGGER touch_updated_at BEFORE UPDATE OF token, permissions, expires_at, password_hash ON public.sharing_links
  FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

CREATE FUNCTION private.share_token_hash(p_token text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT SET search_path = '' AS $$
  SELECT encode(sha256(convert_to(p_token, 'UTF8')), 'hex')
$$;
GRANT EXECUTE ON FUNCTION private.share_token_hash(text) TO anon, authenticated, service_role;

CREATE FUNCTION private.share_password_hash(p_password text) RETURNS text
LANGUAGE sql VOLATILE STRICT SET search_path = '' AS $$
  SELECT extensions.crypt(p_password, extensions.gen_salt('bf', 10))
$$;
GRANT EXECUTE ON FUNCTION private.share_password_hash(text) TO authenticated, service_role;

-- The grants above are meant to be the only ones. 0001 already takes PUBLIC's default EXECUTE
-- away; these revokes say so here too, and hold for functions made before or by another role.
REVOKE ALL ON FUNCTION private.share_token_hash(text), private.share_password_hash(text) FROM PUBLIC;
-- The dashboard snapshot (0004) reads any dashboard past row-level security. A share link shows
-- its dashboard's id to whoever holds it; that id must open the dashboard only through a live
-- link (shared_dashboard below, which runs as the owner), never by calling the snapshot directly.
REVOKE ALL ON FUNCTION private.dashboard_snapshot(uuid) FROM PUBLIC;

ALTER TABLE public.sharing_links ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON public.sharing_links FROM anon, authenticated;
GRANT ALL ON public.sharing_links TO service_role;
-- Editors see everything about a link except its secrets: the token hash and the password hash
-- cannot be selected by any API role, whatever the policies say.
GRANT SELECT (id, dashboard_id, permissions, expires_at, has_password, created_by, created_at,
  updated_at, last_accessed_at) ON public.sharing_links TO authenticated;
GRANT INSERT (dashboard_id, token, permissions, expires_at, password_hash) ON public.sharing_links TO authenticated;
-- Rotating replaces the token; editing may change permissions, expiry and password.
GRANT UPDATE (token, permissions, expires_at, password_hash) ON public.sharing_links TO authenticated;
GRANT DELETE ON public.sharing_links TO authenticated;

-- Links are secrets: only those who may edit the dashboard see or manage them.
CREATE POLICY "dashboard editors read share links" ON public.sharing_links
  FOR SELECT TO authenticated USING (private.can_edit_dashboard(dashboard_id));
CREATE POLICY "dashboard editors create share links" ON public.sharing_links
  FOR INSERT TO authenticated
  WITH CHECK (created_by = (SELECT auth.uid()) AND private.can_edit_dashboard(dashboard_id));
CREATE POLICY "dashboard editors change share links" ON public.sharing_links
  FOR UPDATE TO authenticated
  USING (private.can_edit_dashboard(dashboard_id)) WITH CHECK (private.can_edit_dashboard(dashboard_id));
CREATE POLICY "dashboard editors revoke share links" ON public.sharing_links
  FOR DELETE TO authenticated USING (private.can_edit_dashboard(dashboard_id));

-- The one way in for a share link's viewer (anonymous or not). Errors, by SQLSTATE:
--   OC010 no such link (or it does not allow viewing)  OC011 expired
--   OC012 password required                            OC013 wrong password
-- The answer is the dashboard snapshot (no owner data) and the link's permissions.
CREATE FUNCTION public.shared_dashboard(p_token text, p_password text DEFAULT NULL) RETURNS jsonb
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
  RETURN private.dashboard_snapshot(link.dashboard_id)
    || jsonb_build_object('permissions', link.permissions, 'expires_at', link.expires_at);
END
$$;
REVOKE ALL ON FUNCTION public.shared_dashboard(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.shared_dashboard(text, text) TO anon, authenticated, service_role;
