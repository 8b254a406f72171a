-- The IANA time zone a point of sale's opening hours are read in; NULL means the platform's zone, so existing
-- points of sale keep the meaning they had.
ALTER TABLE cc_pos ADD COLUMN time_zone VARCHAR(64);
