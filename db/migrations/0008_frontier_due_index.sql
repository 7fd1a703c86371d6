-- When a host's next queued URL is due (the crawl's idle wait), read from an index instead of a scan of the
-- host's rows.
CREATE INDEX frontier_host_due ON frontier (host, state, next_attempt_at);
