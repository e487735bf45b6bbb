-- tapian schema, migration 9: the field-visit month view.
--
-- A clash is one facilitator at two different groups on one day, whatever
-- the plan (two plans of a tambon, or of two tambons, share the same
-- people). The view asks for each visit whether its facilitator has another
-- visit that day; this index answers it without reading the table.
CREATE INDEX field_visit_facilitator_day ON field_visit (facilitator_id, visit_on);
