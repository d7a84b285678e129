#!/usr/bin/env python3
"""Writes looker/db/seed.sql, the deterministic seed data of the Training Insights warehouse.

    python3 looker/db/generate_seed.py > looker/db/seed.sql

Companies, users and courses are written out by hand below; enrollments and certificates are
simulated with a fixed linear congruential generator (no `random` module, so the output is the
same on every Python 3 version). The story the data tells:
  * users enroll only in non-draft courses of their own company, and in archived courses only
    before the course was archived;
  * compliance courses are retaken every year (their certificates expire after one year);
  * a failed graded course (score < 70) is often retaken; every enrollment is a new row;
  * onboarding courses are ungraded (score NULL) and give no certificate;
  * a graded completion from December 2024 may still be waiting for its score (NULL);
  * a certificate is issued for every completion with a score of at least 70; data courses'
    certificates expire after two years, other certificates never expire (expires_at NULL);
  * invited users who never logged in (last_login_at NULL) have no enrollments.
The data is "as of" 2024-12-31.
"""

import datetime as dt

AS_OF = dt.datetime(2024, 12, 31, 18, 0, 0)
TARGET_ENROLLMENTS = 300
PASS_SCORE = 70


class Lcg:
    """Numerical Recipes LCG; enough randomness for seed data, identical everywhere."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (1664525 * self.state + 1013904223) % (1 << 32)
        return self.state / float(1 << 32)

    def chance(self, p):
        return self.next() < p

    def int_between(self, lo, hi):  # inclusive
        return lo + int(self.next() * (hi - lo + 1))

    def seconds(self, lo_days, hi_days):
        return dt.timedelta(seconds=int((lo_days + self.next() * (hi_days - lo_days)) * 86400))


rng = Lcg(20241231)

# id, name, subdomain, plan, created_at
COMPANIES = [
    (1, "Northwind Academy", "northwind", "enterprise", dt.datetime(2021, 1, 11, 9, 0)),
    (2, "Ærøskøbing Læring", "aeroskobing", "business", dt.datetime(2021, 5, 3, 10, 30)),
    (3, "渡辺テック研修", "watanabe-tech", "business", dt.datetime(2022, 2, 14, 8, 15)),
    (4, "O'Brien & Daughters Consulting", "obrien", "starter", dt.datetime(2022, 9, 1, 13, 45)),
    (5, "Café Crème Formation", "cafe-creme", "starter", dt.datetime(2023, 3, 20, 16, 0)),
]

# company_id -> [(first_name, last_name, email local part, role, never logged in)]
USERS = {
    1: [
        ("Emma", "Johnson", "emma.johnson", "admin", False),
        ("Liam", "Smith", "liam.smith", "instructor", False),
        ("Zoë", "Müller", "zoe.muller", "instructor", False),
        ("Łukasz", "Wiśniewski", "lukasz.wisniewski", "learner", False),
        ("José", "García", "jose.garcia", "learner", False),
        ("Siobhán", "O'Brien", "siobhan.obrien", "learner", False),
        ("Noah", "Williams", "noah.williams", "learner", False),
        ("Olivia", "Brown", "olivia.brown", "learner", False),
        ("Mateo", "Rodríguez", "mateo.rodriguez", "learner", False),
        ("Chloé", "Dubois", "chloe.dubois", "learner", False),
        ("Priya", "Patel", "priya.patel", "learner", False),
        ("Wei", "Chen", "wei.chen", "learner", False),
        ("Fatima", "Al-Sayed", "fatima.alsayed", "learner", False),
        ("Dmitri", "Ivanov", "dmitri.ivanov", "learner", False),
        ("Ana Lúcia", "Pereira", "analucia.pereira", "learner", False),
        ("James", "O'Connor", "james.oconnor", "learner", False),
        ("Sofia", "Rossi", "sofia.rossi", "learner", False),
        ("Lucas", "Martin", "lucas.martin", "learner", False),
        ("Amara", "Okafor", "amara.okafor", "learner", False),
        ("Ingrid", "Håkansson", "ingrid.hakansson", "learner", False),
        ("Mohammed", "Khan", "mohammed.khan", "learner", False),
        ("Hannah", "Schröder", "hannah.schroder", "learner", False),
        ("Kenji", "Tanaka", "kenji.tanaka", "learner", False),
        ("Grace", "Kim", "grace.kim", "learner", False),
        ("Tomás", "Ó Súilleabháin", "tomas.osullivan", "learner", False),
        ("Isabella", "Costa", "isabella.costa", "learner", True),
        ("Ethan", "Davis", "ethan.davis", "learner", True),
        ("Ava", "Wilson", "ava.wilson", "learner", True),
    ],
    2: [
        ("Søren", "Jørgensen", "soren.jorgensen", "admin", False),
        ("Mette", "Kjærgaard", "mette.kjaergaard", "instructor", False),
        ("Anders", "Østergaard", "anders.ostergaard", "learner", False),
        ("Freja", "Nørgaard", "freja.norgaard", "learner", False),
        ("Lars", "Bækgaard", "lars.baekgaard", "learner", False),
        ("Ida", "Sørensen", "ida.sorensen", "learner", False),
        ("Mikkel", "Ærenlund", "mikkel.aerenlund", "learner", False),
        ("Astrid", "Bøgh", "astrid.bogh", "learner", False),
        ("Rasmus", "Lund", "rasmus.lund", "learner", False),
        ("Signe", "Dalgård", "signe.dalgard", "learner", False),
        ("Jonas", "Højbjerg", "jonas.hojbjerg", "learner", False),
        ("Camilla", "Holm", "camilla.holm", "learner", False),
        ("Magnus", "Friis", "magnus.friis", "learner", False),
        ("Sofie", "Ravn", "sofie.ravn", "learner", True),
    ],
    3: [
        ("健太", "渡辺", "kenta.watanabe", "admin", False),
        ("花子", "佐藤", "hanako.sato", "instructor", False),
        ("一郎", "鈴木", "ichiro.suzuki", "learner", False),
        ("美咲", "高橋", "misaki.takahashi", "learner", False),
        ("翔", "田中", "sho.tanaka", "learner", False),
        ("さくら", "伊藤", "sakura.ito", "learner", False),
        ("大輝", "山本", "daiki.yamamoto", "learner", False),
        ("結衣", "中村", "yui.nakamura", "learner", True),
    ],
    4: [
        ("Aoife", "O'Brien", "aoife.obrien", "admin", False),
        ("Declan", "O'Brien", "declan.obrien", "instructor", False),
        ("Niamh", "Ní Bhriain", "niamh.nibhriain", "learner", False),
        ("Ciarán", "Murphy", "ciaran.murphy", "learner", False),
        ("Róisín", "Kelly", "roisin.kelly", "learner", False),
        ("Patrick", "D'Arcy", "patrick.darcy", "learner", False),
    ],
    5: [
        ("Amélie", "Lefèvre", "amelie.lefevre", "admin", False),
        ("François", "Girard", "francois.girard", "instructor", False),
        ("Noémie", "Faure", "noemie.faure", "learner", False),
        ("Jérôme", "Lambert", "jerome.lambert", "learner", False),
    ],
}

# company_id, title, category, status, price, published_at, archived_at (enrollment cut-off)
COURSES = [
    (1, "Welcome to Northwind", "Onboarding", "published", "0.00", dt.datetime(2021, 1, 20, 9, 0), None),
    (1, "Information Security Awareness", "Compliance", "published", "0.00", dt.datetime(2021, 2, 1, 9, 0), None),
    (1, "SQL Fundamentals", "Data", "published", "199.00", dt.datetime(2021, 3, 15, 10, 0), None),
    (1, "Giving & Receiving Feedback", "Leadership", "archived", "129.00", dt.datetime(2021, 5, 10, 14, 0), dt.datetime(2023, 6, 30)),
    (1, "Advanced SQL Window Functions", "Data", "published", "349.00", dt.datetime(2021, 9, 6, 10, 0), None),
    (1, "Leading Remote Teams", "Leadership", "published", "249.00", dt.datetime(2022, 1, 17, 11, 30), None),
    (1, "Looker for Analysts", "Data", "published", "299.00", dt.datetime(2022, 6, 1, 9, 30), None),
    (1, "Python for Data Engineers", "Data", "draft", "399.00", None, None),
    (2, "Sikkerhed på arbejdspladsen", "Compliance", "published", "0.00", dt.datetime(2021, 5, 17, 8, 0), None),
    (2, "Grundlæggende projektledelse", "Leadership", "published", "189.00", dt.datetime(2021, 8, 23, 9, 0), None),
    (2, "Excel for økonomer", "Data", "archived", "149.00", dt.datetime(2021, 10, 4, 13, 0), dt.datetime(2023, 12, 31)),
    (2, "Kundeservice i øjenhøjde", "Sales", "published", "99.50", dt.datetime(2022, 3, 7, 10, 0), None),
    (2, "Bæredygtig drift", "Operations", "draft", "79.00", None, None),
    (3, "ビジネスマナー入門", "Onboarding", "published", "0.00", dt.datetime(2022, 3, 1, 9, 0), None),
    (3, "情報セキュリティ基礎", "Compliance", "published", "59.00", dt.datetime(2022, 4, 1, 9, 0), None),
    (3, "データ分析入門", "Data", "published", "219.99", dt.datetime(2022, 10, 3, 10, 0), None),
    (4, "The Consultant's Toolkit", "Sales", "published", "149.00", dt.datetime(2022, 10, 10, 9, 0), None),
    (4, "Negotiation Masterclass", "Sales", "archived", "499.00", dt.datetime(2023, 1, 16, 9, 0), dt.datetime(2024, 3, 31)),
    (5, "Hygiène alimentaire (HACCP)", "Compliance", "published", "89.90", dt.datetime(2023, 4, 3, 8, 30), None),
    (5, "Barista : l'art du latte", "Operations", "draft", "59.00", None, None),
]

COMPLETION_RATE = {"Compliance": 0.9, "Onboarding": 0.95, "Data": 0.55, "Leadership": 0.55,
                   "Sales": 0.65, "Operations": 0.6}
DAYS_TO_COMPLETE = {"Compliance": (0.2, 21), "Onboarding": (0.1, 10), "Data": (10, 150),
                    "Leadership": (7, 90), "Sales": (7, 75), "Operations": (3, 40)}


def office_hours(t):
    """Moves a timestamp into 07:00-19:59 of the same day, keeping minutes and seconds."""
    return t.replace(hour=7 + t.hour % 13)


def sql_text(s):
    return "'" + s.replace("'", "''") + "'"


def sql_ts(t):
    return "NULL" if t is None else "TIMESTAMP '" + t.strftime("%Y-%m-%d %H:%M:%S") + "'"


def build_users():
    company_created = {c[0]: c[4] for c in COMPANIES}
    users = []
    for company_id, people in USERS.items():
        start = company_created[company_id]
        for rank, (first, last, local, role, never) in enumerate(people):
            if role == "admin":
                created = start + rng.seconds(0.3, 1)
            elif role == "instructor":
                created = start + rng.seconds(1, 12)
            elif never:
                created = dt.datetime(2024, 11, 1) + rng.seconds(0, 50)
            else:
                span = (dt.datetime(2024, 9, 30) - start).days
                created = start + rng.seconds(7, max(8, span * (0.25 + 0.75 * rng.next())))
            subdomain = next(c[2] for c in COMPANIES if c[0] == company_id)
            users.append({
                "company_id": company_id, "first_name": first, "last_name": last,
                "email": f"{local}@{subdomain}.example.com", "role": role, "never": never,
                "created_at": office_hours(created), "propensity": 0.35 + 0.65 * rng.next(),
            })
    users.sort(key=lambda u: u["created_at"])
    for i, u in enumerate(users, start=1):
        u["id"] = i
    return users


def build_courses():
    listed = list(enumerate(COURSES))
    listed.sort(key=lambda p: (p[1][5] or dt.datetime.max, p[0]))
    courses = []
    for new_id, (_, c) in enumerate(listed, start=1):
        company_id, title, category, status, price, published, archived = c
        courses.append({"id": new_id, "company_id": company_id, "title": title,
                        "category": category, "status": status, "price": price,
                        "published_at": published, "until": archived or AS_OF})
    return courses


def simulate_enrollment(user, course, enrolled, retake_of_failure=False):
    e = {"user": user, "course": course, "enrolled_at": office_hours(enrolled),
         "completed_at": None, "score": None}
    category = course["category"]
    lo, hi = DAYS_TO_COMPLETE[category]
    completes = rng.chance(COMPLETION_RATE[category] + (0.15 if retake_of_failure else 0))
    done_at = e["enrolled_at"] + rng.seconds(lo, hi)
    if completes and done_at <= AS_OF:
        e["completed_at"] = done_at
        e["progress"] = 100
        if category != "Onboarding":
            pending = done_at > dt.datetime(2024, 12, 1) and rng.chance(0.5)
            if not pending:
                raw = 58 + 42 * rng.next() + (8 if retake_of_failure else 0)
                e["score"] = min(100.0, round(raw * 2) / 2)
    else:
        e["progress"] = 0 if rng.chance(0.2) else 5 * rng.int_between(1, 19)
    return e


def build_enrollments(users, courses):
    out = []
    for user in users:
        if user["never"]:
            continue
        own = [c for c in courses
               if c["company_id"] == user["company_id"] and c["status"] != "draft"]
        for course in own:
            start = max(user["created_at"], course["published_at"]) + rng.seconds(0.5, 30)
            if start >= course["until"]:
                continue
            category = course["category"]
            if category == "Onboarding":
                if course["published_at"] < user["created_at"] and user["role"] != "admin":
                    out.append(simulate_enrollment(user, course, start))
                continue
            if category == "Compliance":
                # yearly, while the user is around: first one soon after joining
                when = start
                while when < course["until"]:
                    if user["role"] == "admin" or rng.chance(0.55 + 0.4 * user["propensity"]):
                        out.append(simulate_enrollment(user, course, when))
                    when = when + dt.timedelta(days=365) + rng.seconds(-20, 20)
                continue
            if user["role"] == "admin" or not rng.chance(0.4 + 0.6 * user["propensity"]):
                continue
            when = start + rng.seconds(0, max(1, (course["until"] - start).days) * 0.9)
            retake = False
            while when < course["until"]:
                e = simulate_enrollment(user, course, when, retake)
                out.append(e)
                failed = e["score"] is not None and e["score"] < PASS_SCORE
                if not failed or not rng.chance(0.75):
                    break
                when = e["completed_at"] + rng.seconds(10, 60)
                retake = True
    out.sort(key=lambda e: (e["enrolled_at"], e["user"]["id"], e["course"]["id"]))
    out = out[:TARGET_ENROLLMENTS]
    for i, e in enumerate(out, start=1):
        e["id"] = i
    return out


def build_certificates(enrollments):
    certs = []
    for e in enrollments:
        if e["score"] is None or e["score"] < PASS_SCORE:
            continue
        issued = e["completed_at"] + rng.seconds(0.01, 2)
        if issued > AS_OF:
            continue
        category = e["course"]["category"]
        if category == "Compliance":
            expires = issued + dt.timedelta(days=365)
        elif category == "Data":
            expires = issued + dt.timedelta(days=730)
        else:
            expires = None
        certs.append({"enrollment": e, "issued_at": issued, "expires_at": expires})
    certs.sort(key=lambda c: (c["issued_at"], c["enrollment"]["id"]))
    for i, c in enumerate(certs, start=1):
        c["id"] = i
    return certs


def finish_users(users, enrollments):
    last_activity = {}
    for e in enrollments:
        t = e["completed_at"] or e["enrolled_at"]
        uid = e["user"]["id"]
        last_activity[uid] = max(last_activity.get(uid, t), t)
    for u in users:
        if u["never"]:
            u["last_login_at"] = None
            continue
        base = last_activity.get(u["id"], u["created_at"])
        if u["role"] != "learner":  # admins and instructors log in to run the platform
            base = max(base, AS_OF - rng.seconds(2, 40))
        u["last_login_at"] = min(AS_OF, office_hours(base + rng.seconds(0.1, 25)))


def values(rows):
    return ",\n".join("  (" + ", ".join(r) + ")" for r in rows) + ";\n"


def main():
    users = build_users()
    courses = build_courses()
    enrollments = build_enrollments(users, courses)
    certificates = build_certificates(enrollments)
    finish_users(users, enrollments)

    print("-- Training Insights seed data: generated by looker/db/generate_seed.py, do not edit.")
    print("-- Deterministic: regenerating gives the same file. Data as of 2024-12-31.")
    print(f"-- Rows: {len(COMPANIES)} companies, {len(users)} users, {len(courses)} courses, "
          f"{len(enrollments)} enrollments, {len(certificates)} certificates.")
    print("-- Load after schema.sql: psql -v ON_ERROR_STOP=1 -f looker/db/schema.sql "
          "-f looker/db/seed.sql")
    print()
    print("SET client_encoding = 'UTF8';")
    print("BEGIN;")
    print("TRUNCATE public.certificates, public.enrollments, public.courses, public.users, "
          "public.companies;")
    print()
    print("INSERT INTO public.companies (id, name, subdomain, plan, created_at) VALUES")
    print(values([(str(c[0]), sql_text(c[1]), sql_text(c[2]), sql_text(c[3]), sql_ts(c[4]))
                  for c in COMPANIES]))
    print("INSERT INTO public.users (id, company_id, email, first_name, last_name, role, "
          "created_at, last_login_at) VALUES")
    print(values([(str(u["id"]), str(u["company_id"]), sql_text(u["email"]),
                   sql_text(u["first_name"]), sql_text(u["last_name"]), sql_text(u["role"]),
                   sql_ts(u["created_at"]), sql_ts(u["last_login_at"])) for u in users]))
    print("INSERT INTO public.courses (id, company_id, title, category, status, price, "
          "published_at) VALUES")
    print(values([(str(c["id"]), str(c["company_id"]), sql_text(c["title"]),
                   sql_text(c["category"]), sql_text(c["status"]), c["price"],
                   sql_ts(c["published_at"])) for c in courses]))
    print("INSERT INTO public.enrollments (id, user_id, course_id, enrolled_at, completed_at, "
          "progress_percent, score) VALUES")
    print(values([(str(e["id"]), str(e["user"]["id"]), str(e["course"]["id"]),
                   sql_ts(e["enrolled_at"]), sql_ts(e["completed_at"]), str(e["progress"]),
                   "NULL" if e["score"] is None else f"{e['score']:.2f}") for e in enrollments]))
    print("INSERT INTO public.certificates (id, enrollment_id, issued_at, expires_at) VALUES")
    print(values([(str(c["id"]), str(c["enrollment"]["id"]), sql_ts(c["issued_at"]),
                   sql_ts(c["expires_at"])) for c in certificates]))
    print("COMMIT;")
    print("ANALYZE public.companies, public.users, public.courses, public.enrollments, "
          "public.certificates;")


if __name__ == "__main__":
    main()
