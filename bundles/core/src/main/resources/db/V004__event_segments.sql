-- Telemetry events stored one row per run of a machine's events (a batch), in the compact binary form of
-- EventSegments: Derby's cost is per row and per index entry, so this is what lets ingest outrun a plain
-- row-per-event insert. first/last_seq bound the run's sequence numbers, first/last_time its event times, so reads
-- by sequence or time decode only the segments that can hold matches. cc_event keeps the rows stored before this
-- version; the event log reads both.
CREATE TABLE cc_event_segment (
  equipment_id BIGINT NOT NULL,
  first_seq BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  first_time TIMESTAMP NOT NULL,
  last_time TIMESTAMP NOT NULL,
  events INTEGER NOT NULL,
  received_at TIMESTAMP NOT NULL,
  data ${SEGMENT} NOT NULL,
  CONSTRAINT pk_event_segment PRIMARY KEY (equipment_id, first_seq)
);
-- Catch-ups read "everything after sequence n": the segments whose last number is past it.
CREATE INDEX ix_event_segment_last ON cc_event_segment (equipment_id, last_seq);
