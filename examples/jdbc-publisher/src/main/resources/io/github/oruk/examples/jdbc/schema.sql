-- The relational ORUK schema of the jdbc-publisher example, written by the oruk-java project.
-- Portable between H2 2.x and PostgreSQL 12+. Table and column names follow the standard's record
-- and property names, so each row maps to an ORUK record without translation. It keeps what a council
-- directory typically holds; see the example's README for what it leaves out.
-- Statements end with ';' at the end of a line (the example splits the file there).

CREATE TABLE IF NOT EXISTS organization (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  email VARCHAR,
  website VARCHAR,
  uri VARCHAR
);

CREATE TABLE IF NOT EXISTS service (
  id VARCHAR PRIMARY KEY,
  organization_id VARCHAR REFERENCES organization (id),
  name VARCHAR NOT NULL,
  description VARCHAR,
  url VARCHAR,
  email VARCHAR,
  status VARCHAR NOT NULL,
  fees VARCHAR,
  minimum_age NUMERIC,
  maximum_age NUMERIC,
  assured_date DATE,
  last_modified TIMESTAMP WITH TIME ZONE
);

CREATE TABLE IF NOT EXISTS location (
  id VARCHAR PRIMARY KEY,
  location_type VARCHAR NOT NULL,
  name VARCHAR,
  description VARCHAR,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION
);

CREATE TABLE IF NOT EXISTS address (
  id VARCHAR PRIMARY KEY,
  location_id VARCHAR NOT NULL REFERENCES location (id),
  address_1 VARCHAR NOT NULL,
  city VARCHAR NOT NULL,
  region VARCHAR,
  state_province VARCHAR NOT NULL,
  postal_code VARCHAR NOT NULL,
  country VARCHAR NOT NULL,
  address_type VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS service_at_location (
  id VARCHAR PRIMARY KEY,
  service_id VARCHAR NOT NULL REFERENCES service (id),
  location_id VARCHAR NOT NULL REFERENCES location (id)
);

CREATE TABLE IF NOT EXISTS schedule (
  id VARCHAR PRIMARY KEY,
  service_id VARCHAR NOT NULL REFERENCES service (id),
  freq VARCHAR,
  byday VARCHAR,
  opens_at TIME,
  closes_at TIME,
  description VARCHAR
);

CREATE TABLE IF NOT EXISTS service_area (
  id VARCHAR PRIMARY KEY,
  service_id VARCHAR NOT NULL REFERENCES service (id),
  name VARCHAR,
  service_area VARCHAR
);

CREATE TABLE IF NOT EXISTS contact (
  id VARCHAR PRIMARY KEY,
  service_id VARCHAR NOT NULL REFERENCES service (id),
  name VARCHAR,
  title VARCHAR
);

-- A service's telephone numbers. ORUK 3.0 defines the phone record but gives a service no place for it,
-- so the API publishes them as the extension "phones" on the service, where HSDS 3.0 has them.
CREATE TABLE IF NOT EXISTS phone (
  id VARCHAR PRIMARY KEY,
  service_id VARCHAR NOT NULL REFERENCES service (id),
  number VARCHAR NOT NULL,
  description VARCHAR
);

CREATE TABLE IF NOT EXISTS taxonomy (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  uri VARCHAR,
  version VARCHAR
);

CREATE TABLE IF NOT EXISTS taxonomy_term (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  parent_id VARCHAR,
  taxonomy VARCHAR,
  taxonomy_id VARCHAR,
  term_uri VARCHAR,
  term VARCHAR
);

-- The standard's attribute record, for the attributes of services (link_type 'service').
CREATE TABLE IF NOT EXISTS service_attribute (
  id VARCHAR PRIMARY KEY,
  service_id VARCHAR NOT NULL REFERENCES service (id),
  taxonomy_term_id VARCHAR NOT NULL REFERENCES taxonomy_term (id)
);

CREATE INDEX IF NOT EXISTS service_name ON service (name, id);
CREATE INDEX IF NOT EXISTS service_organization ON service (organization_id);
CREATE INDEX IF NOT EXISTS service_modified ON service (last_modified);
CREATE INDEX IF NOT EXISTS address_location ON address (location_id);
CREATE INDEX IF NOT EXISTS address_postal_code ON address (postal_code);
CREATE INDEX IF NOT EXISTS link_service ON service_at_location (service_id);
CREATE INDEX IF NOT EXISTS schedule_service ON schedule (service_id);
CREATE INDEX IF NOT EXISTS area_service ON service_area (service_id);
CREATE INDEX IF NOT EXISTS contact_service ON contact (service_id);
CREATE INDEX IF NOT EXISTS phone_service ON phone (service_id);
CREATE INDEX IF NOT EXISTS attribute_service ON service_attribute (service_id);
CREATE INDEX IF NOT EXISTS attribute_term ON service_attribute (taxonomy_term_id);
CREATE INDEX IF NOT EXISTS term_taxonomy ON taxonomy_term (taxonomy_id);
CREATE INDEX IF NOT EXISTS term_parent ON taxonomy_term (parent_id);
