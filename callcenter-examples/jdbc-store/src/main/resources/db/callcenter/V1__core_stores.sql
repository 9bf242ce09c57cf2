-- Calls, agents, call history and the event log of dev.callcenter.core.
-- Runs on H2 2.x and PostgreSQL 12+. ${id_collation} makes ids sort as Java strings do (COLLATE "C" on
-- PostgreSQL; H2 already compares by code point). Structured fields are JSON text; the fields that lists filter
-- on are columns with indexes. Times are TIMESTAMP WITH TIME ZONE (microseconds), durations BIGINT nanoseconds.

CREATE TABLE cc_calls (
  id              VARCHAR(64) ${id_collation} NOT NULL,
  version         BIGINT       NOT NULL,
  status          VARCHAR(32)  NOT NULL,
  customer_id     VARCHAR,
  customer        VARCHAR      NOT NULL,
  language        VARCHAR,
  department      VARCHAR(64),
  priority        VARCHAR(16)  NOT NULL,
  agent_id        VARCHAR(64),
  ivr_stage       VARCHAR,
  collected_data  VARCHAR      NOT NULL,
  flow_state      VARCHAR      NOT NULL,
  tags            VARCHAR      NOT NULL,
  metadata        VARCHAR      NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  queued_at       TIMESTAMP WITH TIME ZONE,
  answered_at     TIMESTAMP WITH TIME ZONE,
  ended_at        TIMESTAMP WITH TIME ZONE,
  CONSTRAINT cc_calls_pk PRIMARY KEY (id)
);
CREATE INDEX cc_calls_created ON cc_calls (created_at, id);
CREATE INDEX cc_calls_status ON cc_calls (status, created_at);
CREATE INDEX cc_calls_department ON cc_calls (department, created_at);
CREATE INDEX cc_calls_agent ON cc_calls (agent_id, created_at);
CREATE INDEX cc_calls_customer ON cc_calls (customer_id, created_at);

CREATE TABLE cc_agents (
  id                  VARCHAR(64) ${id_collation} NOT NULL,
  version             BIGINT       NOT NULL,
  name                VARCHAR NOT NULL,
  email               VARCHAR,
  extension           VARCHAR,
  department          VARCHAR(64)  NOT NULL,
  status              VARCHAR(16)  NOT NULL,
  status_since        TIMESTAMP WITH TIME ZONE NOT NULL,
  skills              VARCHAR      NOT NULL,
  calls_handled       BIGINT       NOT NULL,
  talk_time_ns        BIGINT       NOT NULL,
  last_call_ended_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT cc_agents_pk PRIMARY KEY (id)
);
CREATE INDEX cc_agents_department ON cc_agents (department, id);
CREATE INDEX cc_agents_status ON cc_agents (status, id);
CREATE INDEX cc_agents_extension ON cc_agents (extension);

-- One row per agent and skill, kept in step with cc_agents.skills, so that lists can filter by skill.
CREATE TABLE cc_agent_skills (
  agent_id     VARCHAR(64) ${id_collation} NOT NULL,
  skill        VARCHAR(64) NOT NULL,
  proficiency  INTEGER     NOT NULL,
  CONSTRAINT cc_agent_skills_pk PRIMARY KEY (agent_id, skill),
  CONSTRAINT cc_agent_skills_agent FOREIGN KEY (agent_id) REFERENCES cc_agents (id) ON DELETE CASCADE
);
CREATE INDEX cc_agent_skills_skill ON cc_agent_skills (skill, agent_id);

CREATE TABLE cc_call_records (
  id                VARCHAR(64) ${id_collation} NOT NULL,
  version           BIGINT       NOT NULL,
  call_id           VARCHAR(64),
  direction         VARCHAR(16)  NOT NULL,
  remote_number     VARCHAR(64)  NOT NULL,
  extension         VARCHAR,
  user_id           VARCHAR,
  outcome           VARCHAR(16)  NOT NULL,
  started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  ring_duration_ns  BIGINT       NOT NULL,
  talk_duration_ns  BIGINT       NOT NULL,
  CONSTRAINT cc_call_records_pk PRIMARY KEY (id)
);
CREATE INDEX cc_call_records_started ON cc_call_records (started_at DESC, id);
CREATE INDEX cc_call_records_extension ON cc_call_records (extension, started_at DESC);
CREATE INDEX cc_call_records_user ON cc_call_records (user_id, started_at DESC);
CREATE INDEX cc_call_records_direction ON cc_call_records (direction, started_at DESC);
CREATE INDEX cc_call_records_outcome ON cc_call_records (outcome, started_at DESC);

-- The event log. cc_event_sequence holds the last sequence handed out; an append increments it in the same
-- transaction as the insert, so the row lock serialises appenders of every node and a rolled back append
-- leaves no gap (a database SEQUENCE would).
CREATE TABLE cc_events (
  seq             BIGINT       NOT NULL,
  type            VARCHAR(64)  NOT NULL,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  schema_version  INTEGER      NOT NULL,
  subject         VARCHAR NOT NULL,
  data            VARCHAR      NOT NULL,
  CONSTRAINT cc_events_pk PRIMARY KEY (seq)
);
CREATE INDEX cc_events_subject ON cc_events (subject, seq);

CREATE TABLE cc_event_sequence (
  id             INTEGER NOT NULL,
  last_sequence  BIGINT  NOT NULL,
  CONSTRAINT cc_event_sequence_pk PRIMARY KEY (id),
  CONSTRAINT cc_event_sequence_one_row CHECK (id = 1)
);
INSERT INTO cc_event_sequence (id, last_sequence) VALUES (1, 0);
