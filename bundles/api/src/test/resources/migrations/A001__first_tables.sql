-- the first script of a test bundle: two tables, an index, a placeholder
CREATE TABLE t_first (
  id INTEGER NOT NULL PRIMARY KEY,
  data ${BLOB}
);
CREATE INDEX ix_first_data ON t_first (id);

CREATE TABLE t_other (
  id INTEGER NOT NULL PRIMARY KEY
);
CREATE INDEX ix_other_id ON t_other (id);
