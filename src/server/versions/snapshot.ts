/** A dashboard version's snapshot, as private.dashboard_snapshot() writes it. */
export type Snapshot = {
  id: string;
  title: string;
  description: string | null;
  is_public: boolean;
  settings: Record<string, unknown>;
  tabs: SnapshotTab[];
};

export type SnapshotTab = {
  id: string;
  title: string;
  description: string | null;
  position: number;
  settings: Record<string, unknown>;
  charts: SnapshotChart[];
};

export type SnapshotChart = {
  id: string;
  title: string;
  chart_type: string;
  configuration: Record<string, unknown>;
  position: number;
};
