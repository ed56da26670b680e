-- Monitoring: what each refresh saw of the feed as a service — whether it answered at all, how quickly (the
-- median and 95th percentile of the requests the refresh made, in milliseconds), and the parity profile's most
-- frequent findings by code. Null on refreshes stored before this migration. Written for both H2 and PostgreSQL.

alter table hub_refresh add column reachable boolean;
alter table hub_refresh add column requests integer;
alter table hub_refresh add column p50_ms integer;
alter table hub_refresh add column p95_ms integer;

create table hub_finding (
  refresh_id      bigint       not null references hub_refresh (id),
  code            varchar(64)  not null,
  -- the parity profile's severity: ERROR, WARNING, ...
  severity        varchar(16)  not null,
  occurrences     integer      not null,
  primary key (refresh_id, code)
);
