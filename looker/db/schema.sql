-- Training Insights (model `ti`): warehouse of a multi-tenant learning platform.
--
-- Five tables in schema `public`:
--   companies     customer companies (tenants) of the platform
--   users         people who belong to a company: admins, instructors, learners
--   courses       the course catalog; every course is owned by one company
--   enrollments   a user taking a course (a user may retake a course: pairs are not unique)
--   certificates  at most one certificate per enrollment, issued on a passed completion
--
-- Idempotent: drops and recreates everything. Load with
--   psql -v ON_ERROR_STOP=1 -f looker/db/schema.sql -f looker/db/seed.sql

SET client_min_messages = warning;

DROP TABLE IF EXISTS public.certificates CASCADE;
DROP TABLE IF EXISTS public.enrollments CASCADE;
DROP TABLE IF EXISTS public.courses CASCADE;
DROP TABLE IF EXISTS public.users CASCADE;
DROP TABLE IF EXISTS public.companies CASCADE;

CREATE TABLE public.companies (
    id          integer      PRIMARY KEY,
    name        text         NOT NULL,
    subdomain   text         NOT NULL UNIQUE,
    plan        text         NOT NULL CHECK (plan IN ('starter', 'business', 'enterprise')),
    created_at  timestamp    NOT NULL
);

CREATE TABLE public.users (
    id             integer    PRIMARY KEY,
    company_id     integer    NOT NULL REFERENCES public.companies (id),
    email          text       NOT NULL UNIQUE,
    first_name     text       NOT NULL,
    last_name      text       NOT NULL,
    role           text       NOT NULL CHECK (role IN ('admin', 'instructor', 'learner')),
    created_at     timestamp  NOT NULL,
    last_login_at  timestamp                -- NULL: invited but never logged in
);

CREATE TABLE public.courses (
    id            integer        PRIMARY KEY,
    company_id    integer        NOT NULL REFERENCES public.companies (id),
    title         text           NOT NULL,
    category      text           NOT NULL,
    status        text           NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    price         numeric(10,2)  NOT NULL CHECK (price >= 0),
    published_at  timestamp,                -- NULL while the course is a draft
    CHECK ((status = 'draft') = (published_at IS NULL))
);

CREATE TABLE public.enrollments (
    id                integer       PRIMARY KEY,
    user_id           integer       NOT NULL REFERENCES public.users (id),
    course_id         integer       NOT NULL REFERENCES public.courses (id),
    enrolled_at       timestamp     NOT NULL,
    completed_at      timestamp,            -- NULL: not (yet) completed
    progress_percent  integer       NOT NULL CHECK (progress_percent BETWEEN 0 AND 100),
    score             numeric(5,2)  CHECK (score BETWEEN 0 AND 100),  -- NULL: ungraded or not graded yet
    CHECK (completed_at IS NULL OR completed_at >= enrolled_at),
    CHECK ((completed_at IS NOT NULL) = (progress_percent = 100))
);

CREATE TABLE public.certificates (
    id             integer    PRIMARY KEY,
    enrollment_id  integer    NOT NULL UNIQUE REFERENCES public.enrollments (id),
    issued_at      timestamp  NOT NULL,
    expires_at     timestamp,               -- NULL: the certificate never expires
    CHECK (expires_at IS NULL OR expires_at > issued_at)
);

CREATE INDEX users_company_id_idx       ON public.users (company_id);
CREATE INDEX courses_company_id_idx     ON public.courses (company_id);
CREATE INDEX enrollments_user_id_idx    ON public.enrollments (user_id);
CREATE INDEX enrollments_course_id_idx  ON public.enrollments (course_id);

COMMENT ON TABLE public.companies    IS 'Customer companies (tenants) of the learning platform';
COMMENT ON TABLE public.users        IS 'Users of a company: admins, instructors and learners';
COMMENT ON TABLE public.courses      IS 'Course catalog; each course belongs to one company';
COMMENT ON TABLE public.enrollments  IS 'A user taking a course; retakes create a new enrollment';
COMMENT ON TABLE public.certificates IS 'Certificate issued for a passed enrollment (at most one each)';
