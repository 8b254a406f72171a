-- Report rollups (portable between Derby 10.14 and PostgreSQL 12+), kept current from core's events by the
-- reports bundle's TelemetryListener and caught up from cc_event on start. Versions live in cc_rep_schema.

-- Per machine: the newest event sequence folded into the rollups (the watermark) and the contact state that
-- outage detection needs. Rollups and watermark change in the same transaction.
CREATE TABLE cc_rep_machine (
  equipment_id BIGINT NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  first_beat TIMESTAMP,
  last_beat TIMESTAMP
);
-- Settings the rollups were built with (time zone of the day buckets); a change rebuilds them.
CREATE TABLE cc_rep_meta (
  name VARCHAR(50) NOT NULL PRIMARY KEY,
  val VARCHAR(200) NOT NULL
);
CREATE TABLE cc_rep_drink_day (
  sale_day DATE NOT NULL,
  equipment_id BIGINT NOT NULL,
  product VARCHAR(100) NOT NULL,
  drinks BIGINT NOT NULL,
  CONSTRAINT pk_rep_drink_day PRIMARY KEY (sale_day, equipment_id, product)
);
-- The same by calendar month (first day of the month): a year of a large fleet stays a few hundred thousand rows.
CREATE TABLE cc_rep_drink_month (
  sale_month DATE NOT NULL,
  equipment_id BIGINT NOT NULL,
  product VARCHAR(100) NOT NULL,
  drinks BIGINT NOT NULL,
  CONSTRAINT pk_rep_drink_month PRIMARY KEY (sale_month, equipment_id, product)
);
CREATE TABLE cc_rep_beat_day (
  beat_day DATE NOT NULL,
  equipment_id BIGINT NOT NULL,
  beats BIGINT NOT NULL,
  CONSTRAINT pk_rep_beat_day PRIMARY KEY (beat_day, equipment_id)
);
-- Gaps between two heartbeats longer than the outage threshold.
CREATE TABLE cc_rep_outage (
  equipment_id BIGINT NOT NULL,
  start_time TIMESTAMP NOT NULL,
  end_time TIMESTAMP NOT NULL,
  CONSTRAINT pk_rep_outage PRIMARY KEY (equipment_id, start_time)
);
CREATE INDEX ix_rep_outage_end ON cc_rep_outage (end_time);
CREATE TABLE cc_rep_cleaning (
  equipment_id BIGINT NOT NULL,
  start_time TIMESTAMP NOT NULL,
  seq BIGINT NOT NULL,
  end_time TIMESTAMP,
  program VARCHAR(100),
  completed BOOLEAN NOT NULL,
  CONSTRAINT pk_rep_cleaning PRIMARY KEY (equipment_id, start_time, seq)
);
CREATE INDEX ix_rep_cleaning_start ON cc_rep_cleaning (start_time);
-- Error intervals; end_time null while the error is active.
CREATE TABLE cc_rep_error (
  equipment_id BIGINT NOT NULL,
  code VARCHAR(100) NOT NULL,
  start_time TIMESTAMP NOT NULL,
  seq BIGINT NOT NULL,
  end_time TIMESTAMP,
  severity VARCHAR(10),
  text VARCHAR(500),
  CONSTRAINT pk_rep_error PRIMARY KEY (equipment_id, seq)
);
CREATE INDEX ix_rep_error_open ON cc_rep_error (equipment_id, code, end_time);
CREATE INDEX ix_rep_error_start ON cc_rep_error (start_time);
CREATE TABLE cc_rep_sensor_day (
  read_day DATE NOT NULL,
  equipment_id BIGINT NOT NULL,
  sensor VARCHAR(100) NOT NULL,
  unit VARCHAR(16),
  min_value DOUBLE PRECISION NOT NULL,
  max_value DOUBLE PRECISION NOT NULL,
  sum_value DOUBLE PRECISION NOT NULL,
  readings BIGINT NOT NULL,
  CONSTRAINT pk_rep_sensor_day PRIMARY KEY (read_day, equipment_id, sensor)
);
-- Service counters, one row per change of value.
CREATE TABLE cc_rep_counter (
  equipment_id BIGINT NOT NULL,
  ckey VARCHAR(100) NOT NULL,
  read_at TIMESTAMP NOT NULL,
  cvalue VARCHAR(500),
  CONSTRAINT pk_rep_counter PRIMARY KEY (equipment_id, ckey, read_at)
);
CREATE INDEX ix_rep_counter_time ON cc_rep_counter (read_at);
