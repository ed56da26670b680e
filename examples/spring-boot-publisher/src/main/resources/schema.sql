-- The directory's one table: a service per row, with the organization that runs it. Spring Boot runs this file
-- (and data.sql) on the embedded database at start-up; for another database set spring.sql.init.mode=always, or
-- keep the schema with Flyway or Liquibase as the application's other tables are.
CREATE TABLE service (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  description VARCHAR(2000) NOT NULL,
  status VARCHAR(20) NOT NULL,
  email VARCHAR(200),
  url VARCHAR(500),
  organization_id VARCHAR(36) NOT NULL,
  organization_name VARCHAR(200) NOT NULL,
  organization_description VARCHAR(2000) NOT NULL,
  assured_date DATE NOT NULL,
  last_modified TIMESTAMP WITH TIME ZONE NOT NULL
);
