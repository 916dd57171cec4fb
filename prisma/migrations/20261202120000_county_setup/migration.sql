-- Setting up a county from the national division dataset (docs/decisions/019).

-- A region the dataset no longer lists but records still refer to: kept, offered for no new record.
ALTER TABLE "region" ADD COLUMN "retired_at" TIMESTAMPTZ(3);

-- Which dataset the county's tree was last loaded from, and when.
ALTER TABLE "county_setting" ADD COLUMN "divisions_dataset" TEXT,
ADD COLUMN "divisions_loaded_at" TIMESTAMPTZ(3);
