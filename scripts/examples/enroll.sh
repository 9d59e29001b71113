#!/usr/bin/env bash
# Enrolls the youth of a CSV file into Steward, as a provider's nightly script would:
# a token by client credentials, one bulk import, progress until it ends.
#
#   STEWARD_CLIENT_SECRET=... scripts/examples/enroll.sh enrollments.csv
#
# Settings (environment): STEWARD_URL (http://127.0.0.1:8080), STEWARD_TOKEN_URL (the realm's
# token endpoint, http://127.0.0.1:8180/realms/steward/protocol/openid-connect/token),
# STEWARD_CLIENT_ID (steward-import), STEWARD_CLIENT_SECRET (required; the dev realm's is
# dev-only-steward-import-secret). Needs bash, curl and sed; prints ids and counts only.
set -euo pipefail

csv=${1:?usage: enroll.sh FILE.csv}
url=${STEWARD_URL:-http://127.0.0.1:8080}
token_url=${STEWARD_TOKEN_URL:-http://127.0.0.1:8180/realms/steward/protocol/openid-connect/token}
client=${STEWARD_CLIENT_ID:-steward-import}
secret=${STEWARD_CLIENT_SECRET:?set STEWARD_CLIENT_SECRET}

# field NAME JSON: the value of a top-level string or number field (enough for these answers).
field() {
    sed -n "s/.*\"$1\" *: *\"\{0,1\}\([^\",}]*\).*/\1/p" <<<"$2" | head -n 1
}

token_answer=$(curl -sS -u "$client:$secret" -d grant_type=client_credentials "$token_url")
token=$(field access_token "$token_answer")
[ -n "$token" ] || { echo "no token: $(field error "$token_answer")" >&2; exit 1; }

# The same file sent again replays the first answer instead of importing twice.
key=$(sha256sum "$csv" | cut -d' ' -f1)
answer=$(curl -sS -w '\n%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: text/csv' -H "Idempotency-Key: $key" \
    --data-binary "@$csv" "$url/api/v1/imports/enrollments")
status=${answer##*$'\n'}
body=${answer%$'\n'*}
if [ "$status" != 202 ] && [ "$status" != 200 ]; then
    echo "import refused ($status): $body" >&2
    exit 1
fi
id=$(field id "$body")
echo "import $id accepted"

while true; do
    state=$(curl -sS --fail-with-body -H "Authorization: Bearer $token" "$url/api/v1/imports/$id")
    status=$(field status "$state")
    echo "import $id: $status $(field processedRows "$state")/$(field totalRows "$state") rows"
    case "$status" in
        SUCCEEDED)
            echo "created $(field created "$state"), matched existing $(field matchedExisting "$state")"
            exit 0 ;;
        FAILED)
            # Errors name a row and a column, never the value in it.
            echo "import failed, nothing was stored: $state" >&2
            exit 1 ;;
    esac
    sleep 1
done
