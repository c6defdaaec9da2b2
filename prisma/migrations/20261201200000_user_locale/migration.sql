-- The interface language an account chose (null: the browser's).
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
