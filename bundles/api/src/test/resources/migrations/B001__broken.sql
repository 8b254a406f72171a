-- the first statement must be rolled back with the second
CREATE TABLE t_half (id INTEGER);
CREATE TABLE t_bad (id NOSUCHTYPE);
