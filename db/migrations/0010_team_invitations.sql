-- Invitations by email: a team admin invites an address with a role; the person who signs in with
-- that address sees the invitation and accepts it (or declines). Nobody joins a team by himself:
-- accepting is only possible with an invitation addressed to one's own account email.

CREATE TABLE public.team_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES public.teams (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(btrim(email)) AND email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
  role public.team_role NOT NULL DEFAULT 'viewer',
  invited_by uuid DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL DEFAULT now() + interval '14 days',
  accepted_at timestamptz,
  accepted_by uuid REFERENCES auth.users (id) ON DELETE SET NULL
);
-- One open invitation per address and team; a new one replaces it (the API deletes the old first).
CREATE UNIQUE INDEX idx_team_invitations_open ON public.team_invitations (team_id, email) WHERE accepted_at IS NULL;
-- A team's invitations, open or accepted (the admins' list, and deleting a team).
CREATE INDEX idx_team_invitations_team_id ON public.team_invitations (team_id, created_at DESC);
-- "Invitations for me" (the invitee's read policy).
CREATE INDEX idx_team_invitations_email ON public.team_invitations (email) WHERE accepted_at IS NULL;
-- Foreign keys from auth.users.
CREATE INDEX idx_team_invitations_invited_by ON public.team_invitations (invited_by);
CREATE INDEX idx_team_invitations_accepted_by ON public.team_invitations (accepted_by);

-- The caller's account email, from auth.users (not from the token, which may be older).
CREATE FUNCTION private.my_email() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
  SELECT lower(u.email) FROM auth.users u WHERE u.id = auth.uid()
$$;
GRANT EXECUTE ON FUNCTION private.my_email() TO authenticated, service_role;

-- The invitee is not a member yet, so he cannot read the team; he may read its name, through an
-- invitation addressed to him (or that he administers).
CREATE FUNCTION private.invited_team_name(p_invitation_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
  SELECT t.name FROM public.team_invitations i JOIN public.teams t ON t.id = i.team_id
  WHERE i.id = p_invitation_id
    AND (i.email = private.my_email() OR i.team_id = ANY (private.my_team_ids('admin')))
$$;
GRANT EXECUTE ON FUNCTION private.invited_team_name(uuid) TO authenticated, service_role;

ALTER TABLE public.team_invitations ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON public.team_invitations FROM anon, authenticated;
GRANT ALL ON public.team_invitations TO service_role;
GRANT SELECT, INSERT, DELETE ON public.team_invitations TO authenticated;

-- The team's admins and the invitee read an invitation.
CREATE POLICY "team admins and the invitee read invitations" ON public.team_invitations
  FOR SELECT TO authenticated USING (
    team_id = ANY ((SELECT private.my_team_ids('admin'))::uuid[])
    OR email = (SELECT private.my_email())
  );
-- Only admins invite, in their own name.
CREATE POLICY "team admins invite" ON public.team_invitations
  FOR INSERT TO authenticated WITH CHECK (
    team_id = ANY ((SELECT private.my_team_ids('admin'))::uuid[]) AND invited_by = (SELECT auth.uid())
  );
-- Admins revoke; the invitee declines.
CREATE POLICY "team admins revoke, the invitee declines" ON public.team_invitations
  FOR DELETE TO authenticated USING (
    team_id = ANY ((SELECT private.my_team_ids('admin'))::uuid[])
    OR email = (SELECT private.my_email())
  );
-- No UPDATE policy: an invitation changes only by being accepted, through the function below.

-- Accepts an invitation addressed to the caller: adds him to the team with the invited role (or
-- raises his role to it, never lowers it) and marks the invitation accepted. Errors: P0002 when
-- there is no such open invitation for him, OC014 when it has expired.
CREATE FUNCTION public.accept_team_invitation(p_invitation_id uuid) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = '' AS $$
DECLARE
  invitation public.team_invitations;
BEGIN
  SELECT * INTO invitation FROM public.team_invitations i
  WHERE i.id = p_invitation_id AND i.accepted_at IS NULL AND i.email = private.my_email()
  FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'invitation not found' USING ERRCODE = 'no_data_found';
  END IF;
  IF invitation.expires_at <= now() THEN
    RAISE EXCEPTION 'this invitation has expired; ask for a new one' USING ERRCODE = 'OC014';
  END IF;
  INSERT INTO public.user_team_memberships (user_id, team_id, role)
  VALUES (auth.uid(), invitation.team_id, invitation.role)
  ON CONFLICT (user_id, team_id) DO UPDATE SET role = excluded.role
    WHERE private.role_rank(excluded.role) > private.role_rank(public.user_team_memberships.role);
  UPDATE public.team_invitations i SET accepted_at = now(), accepted_by = auth.uid() WHERE i.id = invitation.id;
  RETURN invitation.team_id;
END
$$;
REVOKE ALL ON FUNCTION public.accept_team_invitation(uuid) FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION public.accept_team_invitation(uuid) TO authenticated, service_role;
