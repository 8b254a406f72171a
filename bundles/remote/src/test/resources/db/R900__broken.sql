-- only for RemoteSchemaTest: the first statement must be rolled back with the second
CREATE TABLE cc_remote_half (a INT);
CREATE TABLE cc_remote_broken (;
