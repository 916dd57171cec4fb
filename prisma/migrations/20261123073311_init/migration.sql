-- CreateEnum
CREATE TYPE "Role" AS ENUM ('TOWNSHIP_CLERK', 'TOWNSHIP_REVIEWER', 'MEDICAL_SECURITY', 'VETERANS_AFFAIRS', 'CIVIL_AFFAIRS', 'FINANCE', 'AUDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('M', 'F');

-- CreateEnum
CREATE TYPE "IdentityType" AS ENUM ('DEMOBILIZED', 'WAR_VETERAN', 'NUCLEAR_TEST_VETERAN', 'ILL_RETURNED_VETERAN', 'MARTYR_FAMILY', 'DUTY_DEATH_FAMILY', 'ILLNESS_DEATH_FAMILY', 'VETERAN_RURAL', 'EXTREME_POVERTY', 'SUBSISTENCE', 'LOW_INCOME', 'ILLNESS_POVERTY', 'VETERAN', 'VETERAN_FAMILY');

-- CreateEnum
CREATE TYPE "InsuranceScheme" AS ENUM ('RESIDENT', 'EMPLOYEE');

-- CreateEnum
CREATE TYPE "Relation" AS ENUM ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'PARENT_IN_LAW', 'OTHER');

-- CreateEnum
CREATE TYPE "HospitalOwner" AS ENUM ('COUNTY', 'CITY', 'PROVINCE');

-- CreateEnum
CREATE TYPE "ClaimType" AS ENUM ('INPATIENT', 'OUTPATIENT', 'CHRONIC_OUTPATIENT', 'TWO_DISEASES', 'DUAL_CHANNEL', 'TCM_OUTPATIENT', 'PHARMACY', 'ONLINE_PHARMACY');

-- CreateEnum
CREATE TYPE "Route" AS ENUM ('LOCAL', 'CROSS_PROVINCE_REFERRED', 'CROSS_PROVINCE_EMERGENCY', 'CROSS_PROVINCE_UNREFERRED');

-- CreateEnum
CREATE TYPE "FeeKind" AS ENUM ('GENERAL_CONSULTATION', 'EXPERT_CONSULTATION', 'LARGE_EQUIPMENT', 'SURGERY_ANESTHESIA', 'BED', 'REEMPLOYMENT_CHECKUP', 'PRENATAL_EXAM', 'OTHER');

-- CreateEnum
CREATE TYPE "ItemClass" AS ENUM ('A', 'B_DRUG', 'B_SERVICE', 'CONSUMABLE_DOMESTIC', 'CONSUMABLE_IMPORTED', 'SELF_PAY');

-- CreateTable
CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parent_code" TEXT,
    "path" TEXT NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "region_code" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "password_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "region_code" TEXT,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household" (
    "id" UUID NOT NULL,
    "region_code" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" UUID NOT NULL,
    "id_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "birth_date" DATE NOT NULL,
    "region_code" TEXT NOT NULL,
    "household_id" UUID,
    "relation_to_head" "Relation" NOT NULL DEFAULT 'HEAD',
    "rural_hukou" BOOLEAN NOT NULL DEFAULT false,
    "hukou_province" TEXT NOT NULL,
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_identity" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "type" "IdentityType" NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "certificate" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insurance_enrollment" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "scheme" "InsuranceScheme" NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "insurance_enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_condition" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "condition" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "person_condition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hospital" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "price_class" INTEGER NOT NULL,
    "run_by" "HospitalOwner" NOT NULL,
    "is_public" BOOLEAN NOT NULL,
    "province" TEXT NOT NULL,
    "card_designated" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "hospital_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "hospital_id" UUID,
    "type" "ClaimType" NOT NULL,
    "admitted_on" DATE,
    "settled_on" DATE NOT NULL,
    "route" "Route" NOT NULL DEFAULT 'LOCAL',
    "diagnoses" TEXT[],
    "quota" DECIMAL(14,2),
    "member_price" DECIMAL(14,2),
    "settled_policy_scope" DECIMAL(14,2),
    "settled_insurance" DECIMAL(14,2),
    "settled_critical_illness" DECIMAL(14,2),
    "settled_assistance" DECIMAL(14,2),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_item" (
    "id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "fee" "FeeKind" NOT NULL,
    "class" "ItemClass" NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "days" INTEGER,
    "card_rate" DECIMAL(5,4),

    CONSTRAINT "claim_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "region_path_key" ON "region"("path");

-- CreateIndex
CREATE INDEX "region_parent_code_idx" ON "region"("parent_code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "app_user_region_code_idx" ON "app_user"("region_code");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_region_code_at_idx" ON "audit_log"("region_code", "at");

-- CreateIndex
CREATE INDEX "household_region_code_idx" ON "household"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "person_id_number_key" ON "person"("id_number");

-- CreateIndex
CREATE INDEX "person_region_code_idx" ON "person"("region_code");

-- CreateIndex
CREATE INDEX "person_name_idx" ON "person"("name");

-- CreateIndex
CREATE INDEX "person_identity_person_id_idx" ON "person_identity"("person_id");

-- CreateIndex
CREATE INDEX "person_identity_type_idx" ON "person_identity"("type");

-- CreateIndex
CREATE INDEX "insurance_enrollment_person_id_idx" ON "insurance_enrollment"("person_id");

-- CreateIndex
CREATE INDEX "person_condition_person_id_idx" ON "person_condition"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "hospital_code_key" ON "hospital"("code");

-- CreateIndex
CREATE INDEX "claim_person_id_settled_on_idx" ON "claim"("person_id", "settled_on");

-- CreateIndex
CREATE UNIQUE INDEX "claim_item_claim_id_position_key" ON "claim_item"("claim_id", "position");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household" ADD CONSTRAINT "household_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_identity" ADD CONSTRAINT "person_identity_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insurance_enrollment" ADD CONSTRAINT "insurance_enrollment_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_condition" ADD CONSTRAINT "person_condition_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hospital" ADD CONSTRAINT "hospital_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_hospital_id_fkey" FOREIGN KEY ("hospital_id") REFERENCES "hospital"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_item" ADD CONSTRAINT "claim_item_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Append-only audit trail (added by hand, not generated from schema.prisma): rows of audit_log
-- can be inserted and read, never changed or removed, whoever the database user is.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Audit entries can only be inserted.';
END;
$$;

CREATE TRIGGER "audit_log_no_update_delete"
    BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TRIGGER "audit_log_no_truncate"
    BEFORE TRUNCATE ON "audit_log"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
