"""The organizations and programs every measurement uses, made through the API."""

PROVIDERS = [f"bench-p{i}" for i in range(1, 9)]
PROGRAMS_PER_PROVIDER = 3
DISTRICT = "255901"
EVALUATOR = "bench-eval"


def world(client):
    print("==> organizations and programs through the API")
    admin = client.token("city-admin", "grand-bend-city")
    orgs = [(code, "PROVIDER") for code in PROVIDERS]
    orgs += [(DISTRICT, "DISTRICT"), (EVALUATOR, "EVALUATOR")]
    for code, kind in orgs:
        client.request("POST", "/api/v1/organizations", admin,
                       {"code": code, "name": f"Bench {code}", "type": kind})
    programs = {}
    for provider in PROVIDERS:
        for n in range(PROGRAMS_PER_PROVIDER):
            created = client.request("POST", "/api/v1/programs", admin, {
                "providerCode": provider,
                "name": f"{provider} program {n}",
                "site": f"Site {n}",
                "startDate": "2025-07-01",
                "endDate": "2026-06-30",
            })
            programs.setdefault(provider, []).append(created["id"])
    return {"admin": admin, "programs": programs}
