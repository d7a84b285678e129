-- Schema for the slow_probe project: nothing; its derived table is slow to read on purpose.
SELECT 1;
