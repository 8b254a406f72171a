-- only for SchemaTest: a script added after T001, as a later release would add T002
CREATE TABLE cc_tkt_upgrade_check (
  id INTEGER NOT NULL PRIMARY KEY
);
