-- De-duplication in the store: the pairs the engine found in its last run over the current records, the
-- curators' decisions on pairs (kept for ever, whatever the engine says later), and which cluster every record
-- belongs to. Written for both H2 (2.x) and PostgreSQL. In every pair a < b (as UUIDs compare in Java).

create table hub_pair (
  a               uuid             not null references hub_record (aggregate_id),
  b               uuid             not null references hub_record (aggregate_id),
  score           double precision not null,
  -- MATCH or REVIEW, as the engine scored it
  decision        varchar(16)      not null,
  primary key (a, b)
);

create table hub_decision (
  a               uuid         not null references hub_record (aggregate_id),
  b               uuid         not null references hub_record (aggregate_id),
  -- SAME or DIFFERENT; the latest decision on a pair replaces the one before
  decision        varchar(16)  not null,
  decided_at      timestamp with time zone not null,
  primary key (a, b)
);

-- A record's cluster: the aggregate id of the cluster's oldest current record (first seen). A withdrawn record
-- keeps the row it had, moved along when its cluster is merged, so its id still resolves.
create table hub_cluster (
  aggregate_id    uuid         primary key references hub_record (aggregate_id),
  cluster_id      uuid         not null
);
create index hub_cluster_by_cluster on hub_cluster (cluster_id);
