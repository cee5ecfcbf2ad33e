-- Lineage windows are kept in epoch microseconds (dev.mlops.store.LineageColumns), the precision of
-- the feature store's event times; windows written before were in epoch milliseconds.
UPDATE registry_inputs SET window_start = window_start * 1000, window_end = window_end * 1000
    WHERE window_start IS NOT NULL;
