-- Customers, tickets and transcripts of dev.callcenter.crm; extensions and users of dev.callcenter.sip.extension.
-- Conventions as in V1. Free-text search runs on search_text: the searched fields in lower case (Locale.ROOT),
-- each between U+001F separators, so that LIKE '%needle%' matches exactly what the in-memory stores match; tag
-- filters look for a whole tag between separators in tag_list.

CREATE TABLE cc_customers (
  id                  VARCHAR(64) ${id_collation} NOT NULL,
  version             BIGINT       NOT NULL,
  name                VARCHAR      NOT NULL,
  email               VARCHAR,
  preferred_language  VARCHAR,
  tier                VARCHAR(32)  NOT NULL,
  notes               VARCHAR      NOT NULL,
  phones              VARCHAR      NOT NULL,
  tags                VARCHAR      NOT NULL,
  pin_hash            VARCHAR,
  interactions        VARCHAR      NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  search_text         VARCHAR      NOT NULL,
  tag_list            VARCHAR      NOT NULL,
  CONSTRAINT cc_customers_pk PRIMARY KEY (id)
);
CREATE INDEX cc_customers_tier ON cc_customers (tier, id);

-- One row per customer and phone number, kept in step with cc_customers.phones, for the lookup by caller id.
CREATE TABLE cc_customer_phones (
  customer_id  VARCHAR(64) ${id_collation} NOT NULL,
  phone        VARCHAR(32) NOT NULL,
  CONSTRAINT cc_customer_phones_pk PRIMARY KEY (customer_id, phone),
  CONSTRAINT cc_customer_phones_customer FOREIGN KEY (customer_id) REFERENCES cc_customers (id) ON DELETE CASCADE
);
CREATE INDEX cc_customer_phones_phone ON cc_customer_phones (phone, customer_id);

CREATE TABLE cc_tickets (
  id           VARCHAR(64) ${id_collation} NOT NULL,
  version      BIGINT       NOT NULL,
  customer_id  VARCHAR(64),
  call_id      VARCHAR(64),
  subject      VARCHAR      NOT NULL,
  description  VARCHAR      NOT NULL,
  status       VARCHAR(16)  NOT NULL,
  priority     VARCHAR(16)  NOT NULL,
  department   VARCHAR(64),
  assignee     VARCHAR,
  notes        VARCHAR      NOT NULL,
  tags         VARCHAR      NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at  TIMESTAMP WITH TIME ZONE,
  sla_due_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  search_text  VARCHAR      NOT NULL,
  CONSTRAINT cc_tickets_pk PRIMARY KEY (id)
);
CREATE INDEX cc_tickets_created ON cc_tickets (created_at DESC, id);
CREATE INDEX cc_tickets_status ON cc_tickets (status, created_at DESC);
CREATE INDEX cc_tickets_customer ON cc_tickets (customer_id, created_at DESC);
CREATE INDEX cc_tickets_call ON cc_tickets (call_id);
CREATE INDEX cc_tickets_assignee ON cc_tickets (assignee, created_at DESC);
CREATE INDEX cc_tickets_department ON cc_tickets (department, created_at DESC);

CREATE TABLE cc_transcripts (
  id           VARCHAR(64) ${id_collation} NOT NULL,
  version      BIGINT       NOT NULL,
  call_id      VARCHAR(64),
  customer_id  VARCHAR(64),
  messages     VARCHAR      NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  search_text  VARCHAR      NOT NULL,
  CONSTRAINT cc_transcripts_pk PRIMARY KEY (id)
);
CREATE INDEX cc_transcripts_created ON cc_transcripts (created_at DESC, id);
CREATE INDEX cc_transcripts_call ON cc_transcripts (call_id);
CREATE INDEX cc_transcripts_customer ON cc_transcripts (customer_id, created_at DESC);

CREATE TABLE cc_extensions (
  id            VARCHAR(64) ${id_collation} NOT NULL,
  version       BIGINT       NOT NULL,
  extcode       VARCHAR(32) ${id_collation} NOT NULL,
  display_name  VARCHAR      NOT NULL,
  user_id       VARCHAR,
  status        VARCHAR(16)  NOT NULL,
  credentials   VARCHAR      NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  search_text   VARCHAR      NOT NULL,
  CONSTRAINT cc_extensions_pk PRIMARY KEY (id),
  CONSTRAINT cc_extensions_extcode UNIQUE (extcode)
);
CREATE INDEX cc_extensions_order ON cc_extensions (extcode, id);
CREATE INDEX cc_extensions_user ON cc_extensions (user_id);

CREATE TABLE cc_users (
  id           VARCHAR(64) ${id_collation} NOT NULL,
  version      BIGINT       NOT NULL,
  name         VARCHAR      NOT NULL,
  email        VARCHAR,
  role         VARCHAR(16)  NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  search_text  VARCHAR      NOT NULL,
  CONSTRAINT cc_users_pk PRIMARY KEY (id)
);
CREATE INDEX cc_users_role ON cc_users (role, id);
