"""HTTP to the service on loopback, tokens signed with this run's key, SQL through psql."""

import base64
import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.request
import uuid


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Client:
    def __init__(self, port, db, work, issuer):
        self.base = f"http://127.0.0.1:{port}"
        self.db = db
        self.work = work
        self.issuer = issuer
        self.env = dict(os.environ, PGPASSWORD=db)
        self._tokens = {}

    # Tokens: RS256, shaped as the city's Keycloak realm issues them, valid for three hours.
    def token(self, role, org, subject=None):
        key = (role, org, subject)
        if key not in self._tokens:
            now = int(time.time())
            claims = {
                "iss": self.issuer,
                "sub": subject or f"bench-{role}-{org}",
                "aud": ["steward-api", "account"],
                "iat": now,
                "nbf": now,
                "exp": now + 3 * 3600,
                "jti": str(uuid.uuid4()),
                "typ": "Bearer",
                "azp": "steward-cli",
                "realm_access": {"roles": [role]},
            }
            if org:
                claims["org"] = org
            header = {"alg": "RS256", "typ": "JWT", "kid": "bench"}
            signing_input = (
                b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
            )
            signature = subprocess.run(
                ["openssl", "dgst", "-sha256", "-sign", os.path.join(self.work, "jwt-private.pem")],
                input=signing_input.encode(),
                capture_output=True,
                check=True,
            ).stdout
            self._tokens[key] = signing_input + "." + b64url(signature)
        return self._tokens[key]

    def request(self, method, path, token, body=None, content_type="application/json",
                headers=None, expect=(200, 201, 202)):
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + token)
        if data is not None:
            req.add_header("Content-Type", content_type)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=600) as resp:
                status, raw = resp.status, resp.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        if status not in expect:
            raise RuntimeError(f"{method} {path}: {status} {raw[:500]!r}")
        return json.loads(raw) if raw else None

    # SQL as the service's own role, over TCP.
    def psql(self, script, timing=False):
        args = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                "-U", self.db, "-d", self.db, "-At"]
        if timing:
            script = "\\timing on\n" + script
        out = subprocess.run(args, input=script, capture_output=True, text=True, env=self.env)
        if out.returncode != 0:
            raise RuntimeError("psql failed: " + out.stderr[-2000:])
        return out.stdout

    def sql_value(self, query):
        return self.psql(query + ";\n").strip()

    @staticmethod
    def timings_ms(output):
        return [float(m) for m in re.findall(r"^Time: ([0-9.]+) ms", output, re.M)]
