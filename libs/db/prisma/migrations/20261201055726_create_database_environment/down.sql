-- Reverses 20261201055726_create_database_environment. The databases lose their environment mark:
-- destructive commands then treat them as unmarked (they ask for confirmation).

DROP TABLE "database_environment";
