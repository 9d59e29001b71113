#!/usr/bin/env python3
"""Enrolls the youth of a CSV file into Steward, as a provider's nightly script would: a token
by client credentials, one bulk import, progress until it ends. Python 3 standard library only.

    STEWARD_CLIENT_SECRET=... scripts/examples/enroll.py enrollments.csv

Settings (environment): STEWARD_URL (http://127.0.0.1:8080), STEWARD_TOKEN_URL (the realm's
token endpoint), STEWARD_CLIENT_ID (steward-import), STEWARD_CLIENT_SECRET (required; the dev
realm's is dev-only-steward-import-secret). Prints ids and counts only.
"""
import base64
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

URL = os.environ.get("STEWARD_URL", "http://127.0.0.1:8080")
TOKEN_URL = os.environ.get(
    "STEWARD_TOKEN_URL",
    "http://127.0.0.1:8180/realms/steward/protocol/openid-connect/token")
CLIENT = os.environ.get("STEWARD_CLIENT_ID", "steward-import")


def call(request):
    """Sends a request; answers (status, parsed JSON body)."""
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        body = error.read()
        return error.code, json.loads(body) if body else {}


def token(secret):
    basic = base64.b64encode(f"{CLIENT}:{secret}".encode()).decode()
    request = urllib.request.Request(
        TOKEN_URL,
        data=urllib.parse.urlencode({"grant_type": "client_credentials"}).encode(),
        headers={"Authorization": "Basic " + basic})
    status, body = call(request)
    if status != 200:
        sys.exit(f"no token: {status} {body.get('error')}")
    return body["access_token"]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: enroll.py FILE.csv")
    secret = os.environ.get("STEWARD_CLIENT_SECRET") or sys.exit("set STEWARD_CLIENT_SECRET")
    with open(sys.argv[1], "rb") as f:
        csv = f.read()
    bearer = {"Authorization": "Bearer " + token(secret)}

    # The same file sent again replays the first answer instead of importing twice.
    status, body = call(urllib.request.Request(
        URL + "/api/v1/imports/enrollments", data=csv, method="POST",
        headers={**bearer, "Content-Type": "text/csv",
                 "Idempotency-Key": hashlib.sha256(csv).hexdigest()}))
    if status not in (200, 202):
        sys.exit(f"import refused ({status}): {json.dumps(body)}")
    import_id = body["id"]
    print(f"import {import_id} accepted")

    while True:
        status, state = call(urllib.request.Request(
            f"{URL}/api/v1/imports/{import_id}", headers=bearer))
        if status != 200:
            sys.exit(f"cannot read import {import_id}: {status}")
        print(f"import {import_id}: {state['status']} "
              f"{state.get('processedRows')}/{state.get('totalRows')} rows", flush=True)
        if state["status"] == "SUCCEEDED":
            print(f"created {state.get('created')}, matched existing {state.get('matchedExisting')}")
            return
        if state["status"] == "FAILED":
            # Errors name a row and a column, never the value in it.
            for error in state.get("errors", []):
                print(f"  row {error.get('row')} {error.get('column')}: {error.get('message')}",
                      file=sys.stderr)
            sys.exit("import failed, nothing was stored")
        time.sleep(1)


if __name__ == "__main__":
    main()
