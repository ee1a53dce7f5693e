-- prisma/migrations/20240215120000_initial_schema/migration.sql

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('male', 'female', 'other');
CREATE TYPE "AllergySeverity" AS ENUM ('mild', 'moderate', 'severe', 'life_threatening');
CREATE TYPE "AppointmentType" AS ENUM ('new_patient', 'follow_up', 'routine_checkup', 'sick_visit', 'telehealth');
CREATE TYPE "AppointmentStatus" AS ENUM ('scheduled', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show');

-- CreateTable
CREATE TABLE "providers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(255) NOT NULL,
    "passwordHash" VARCHAR(255) NOT NULL,
    "firstName" VARCHAR(255) NOT NULL,
    "lastName" VARCHAR(255) NOT NULL,
    "specialty" VARCHAR(255),
    "licenseNumber" VARCHAR(255),
    "phone" VARCHAR(255),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "providers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patients" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "firstName" VARCHAR(255) NOT NULL,
    "lastName" VARCHAR(255) NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "phone" VARCHAR(255) NOT NULL,
    "email" VARCHAR(255),
    "address" VARCHAR(255),
    "emergencyContactName" VARCHAR(255) NOT NULL,
    "emergencyContactPhone" VARCHAR(255) NOT NULL,
    "emergencyContactRelationship" VARCHAR(255),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "patients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "allergies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patientId" UUID NOT NULL,
    "allergen" VARCHAR(255) NOT NULL,
    "reaction" VARCHAR(255),
    "severity" "AllergySeverity",
    "onsetDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "allergies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chronic_conditions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patientId" UUID NOT NULL,
    "conditionName" VARCHAR(255) NOT NULL,
    "diagnosisDate" DATE,
    "status" VARCHAR(255) DEFAULT 'active',
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chronic_conditions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patientId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "appointmentDate" TIMESTAMP(3) NOT NULL,
    "appointmentType" "AppointmentType" NOT NULL,
    "reasonForVisit" VARCHAR(255),
    "durationMinutes" INTEGER DEFAULT 30,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'scheduled',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "appointments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "medical_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "appointmentId" UUID NOT NULL,
    "chiefComplaint" VARCHAR(255),
    "historyOfPresentIllness" TEXT,
    "physicalExamNotes" TEXT,
    "diagnosis" VARCHAR(255),
    "diagnosisNotes" TEXT,
    "treatmentPlan" TEXT,
    "followUpInstructions" TEXT,
    "patientEducation" TEXT,
    "audioFileUrl" VARCHAR(255),
    "transcript" TEXT,
    "isAIGenerated" BOOLEAN NOT NULL DEFAULT false,
    "isDraft" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "medical_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "symptoms" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "medicalRecordId" UUID NOT NULL,
    "symptomName" VARCHAR(255) NOT NULL,
    "bodySite" VARCHAR(255),
    "severity" SMALLINT,
    "duration" VARCHAR(255),
    "notes" TEXT,
    "isAIExtracted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "symptoms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prescriptions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "medicalRecordId" UUID NOT NULL,
    "medicationName" VARCHAR(255) NOT NULL,
    "strength" VARCHAR(255) NOT NULL,
    "dosage" VARCHAR(255) NOT NULL,
    "frequency" VARCHAR(255) NOT NULL,
    "duration" VARCHAR(255),
    "quantity" INTEGER,
    "refills" INTEGER DEFAULT 0,
    "instructions" TEXT NOT NULL,
    "indication" VARCHAR(255),
    "isAIExtracted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prescriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vital_signs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "appointmentId" UUID NOT NULL,
    "bloodPressureSystolic" INTEGER,
    "bloodPressureDiastolic" INTEGER,
    "heartRate" INTEGER,
    "temperature" DECIMAL(4,1),
    "respiratoryRate" INTEGER,
    "oxygenSaturation" INTEGER,
    "weight" DECIMAL(5,2),
    "height" DECIMAL(5,2),
    "bmi" DECIMAL(4,1),
    "painLevel" SMALLINT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vital_signs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "providers_email_key" ON "providers"("email");
CREATE INDEX "patients_lastName_firstName_idx" ON "patients"("lastName", "firstName");
CREATE INDEX "patients_phone_idx" ON "patients"("phone");
CREATE INDEX "patients_email_idx" ON "patients"("email");
CREATE INDEX "allergies_patientId_idx" ON "allergies"("patientId");
CREATE INDEX "chronic_conditions_patientId_idx" ON "chronic_conditions"("patientId");
CREATE INDEX "appointments_patientId_idx" ON "appointments"("patientId");
CREATE INDEX "appointments_providerId_idx" ON "appointments"("providerId");
CREATE INDEX "appointments_appointmentDate_idx" ON "appointments"("appointmentDate");
CREATE INDEX "appointments_status_idx" ON "appointments"("status");
CREATE UNIQUE INDEX "medical_records_appointmentId_key" ON "medical_records"("appointmentId");
CREATE INDEX "symptoms_medicalRecordId_idx" ON "symptoms"("medicalRecordId");
CREATE INDEX "prescriptions_medicalRecordId_idx" ON "prescriptions"("medicalRecordId");
CREATE UNIQUE INDEX "vital_signs_appointmentId_key" ON "vital_signs"("appointmentId");

-- AddForeignKey
ALTER TABLE "allergies" ADD CONSTRAINT "allergies_patientId_fkey"
    FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "chronic_conditions" ADD CONSTRAINT "chronic_conditions_patientId_fkey"
    FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patientId_fkey"
    FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "appointments" ADD CONSTRAINT "appointments_providerId_fkey"
    FOREIGN KEY ("providerId") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "medical_records" ADD CONSTRAINT "medical_records_appointmentId_fkey"
    FOREIGN KEY ("appointmentId") REFERENCES "appointments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "symptoms" ADD CONSTRAINT "symptoms_medicalRecordId_fkey"
    FOREIGN KEY ("medicalRecordId") REFERENCES "medical_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_medicalRecordId_fkey"
    FOREIGN KEY ("medicalRecordId") REFERENCES "medical_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "vital_signs" ADD CONSTRAINT "vital_signs_appointmentId_fkey"
    FOREIGN KEY ("appointmentId") REFERENCES "appointments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
