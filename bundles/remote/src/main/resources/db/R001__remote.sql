-- Remote control tables (Derby 10.14 and PostgreSQL 12+), recorded in cc_remote_schema, independent of core's,
-- monitoring's and tickets' numbering. This is the layout the bundle created table by table before it had
-- numbered scripts: a database that already holds those tables is baselined at version 1 (only what is missing
-- is created). Released scripts are never edited; a change is a new R002__... script.

CREATE TABLE cc_remote_credentials (
  equipment_id BIGINT NOT NULL PRIMARY KEY,
  username VARCHAR(100) NOT NULL,
  secret VARCHAR(1000) NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR(100) NOT NULL
);

CREATE TABLE cc_remote_host_key (
  equipment_id BIGINT NOT NULL PRIMARY KEY,
  public_key VARCHAR(4000) NOT NULL,
  fingerprint VARCHAR(100) NOT NULL,
  pinned_at TIMESTAMP NOT NULL
);

CREATE TABLE cc_remote_command_run (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  equipment_id BIGINT NOT NULL,
  serial_number VARCHAR(100) NOT NULL,
  family VARCHAR(50),
  command_id VARCHAR(100) NOT NULL,
  args VARCHAR(2000),
  username VARCHAR(100) NOT NULL,
  started_at TIMESTAMP NOT NULL,
  duration_ms BIGINT NOT NULL,
  exit_code INTEGER,
  output_text VARCHAR(32000),
  outcome VARCHAR(30) NOT NULL,
  message VARCHAR(2000)
);
CREATE INDEX ix_remote_run_equipment ON cc_remote_command_run (equipment_id, id);

CREATE TABLE cc_remote_stored_query (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  description VARCHAR(1000),
  sql_text VARCHAR(4000) NOT NULL,
  created_by VARCHAR(100),
  version BIGINT NOT NULL,
  CONSTRAINT uq_remote_query_name UNIQUE (name)
);

CREATE TABLE cc_remote_sql_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  equipment_id BIGINT NOT NULL,
  serial_number VARCHAR(100) NOT NULL,
  username VARCHAR(100) NOT NULL,
  started_at TIMESTAMP NOT NULL,
  sql_text VARCHAR(4000) NOT NULL,
  stored_query_id BIGINT,
  duration_ms BIGINT NOT NULL,
  outcome VARCHAR(30) NOT NULL,
  row_count INTEGER,
  message VARCHAR(2000)
);
CREATE INDEX ix_remote_sql_equipment ON cc_remote_sql_log (equipment_id, id);

CREATE TABLE cc_remote_recipe_card (
  client_id BIGINT NOT NULL PRIMARY KEY,
  updated_by VARCHAR(100) NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  version BIGINT NOT NULL
);

CREATE TABLE cc_remote_recipe_card_entry (
  client_id BIGINT NOT NULL,
  product VARCHAR(100) NOT NULL,
  field_key VARCHAR(50) NOT NULL,
  approved DECIMAL(12,4) NOT NULL,
  tolerance DECIMAL(12,4) NOT NULL,
  PRIMARY KEY (client_id, product, field_key)
);

CREATE TABLE cc_remote_screen (
  equipment_id BIGINT NOT NULL PRIMARY KEY,
  host VARCHAR(255),
  port INTEGER,
  secret VARCHAR(1000),
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR(100) NOT NULL
);

CREATE TABLE cc_remote_deferred_sql (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  equipment_id BIGINT NOT NULL,
  serial_number VARCHAR(100) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  fast_id VARCHAR(200),
  sql_text VARCHAR(4000),
  state VARCHAR(20) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  delivered_at TIMESTAMP,
  deliveries INTEGER NOT NULL,
  completed_at TIMESTAMP,
  result_text VARCHAR(32000),
  message VARCHAR(2000)
);
CREATE INDEX ix_remote_deferred_equipment ON cc_remote_deferred_sql (equipment_id, state);

CREATE TABLE cc_remote_promo_campaign (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_name VARCHAR(255) NOT NULL,
  format VARCHAR(10) NOT NULL,
  size_bytes BIGINT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  recipients VARCHAR(2000),
  created_by VARCHAR(100) NOT NULL,
  created_at TIMESTAMP NOT NULL
);

CREATE TABLE cc_remote_promo_delivery (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id BIGINT NOT NULL,
  equipment_id BIGINT NOT NULL,
  serial_number VARCHAR(100) NOT NULL,
  family VARCHAR(50),
  client_id BIGINT,
  state VARCHAR(20) NOT NULL,
  attempts INTEGER NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  duration_ms BIGINT,
  outcome VARCHAR(30),
  message VARCHAR(2000),
  CONSTRAINT uq_remote_promo_delivery UNIQUE (campaign_id, equipment_id)
);
CREATE INDEX ix_remote_promo_equipment ON cc_remote_promo_delivery (equipment_id, state);
