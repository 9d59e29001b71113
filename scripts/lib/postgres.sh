# Helpers for scripts that need a local PostgreSQL: start the cluster when it is down, and make
# a dedicated role and database that connect by password over TCP, whatever the local auth is.

pg_as_admin() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"
    else
        psql -v ON_ERROR_STOP=1 -qAt -h "${PGHOST:-127.0.0.1}" -U "${PGADMIN:-postgres}" "$@"
    fi
}

pg_ensure_running() {
    if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
        return 0
    fi
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
        local version
        version=$(ls /etc/postgresql | sort -V | tail -n 1)
        echo "Starting PostgreSQL $version ..."
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    fi
    for _ in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && return 0
        sleep 1
    done
    echo "PostgreSQL is not reachable on 127.0.0.1:5432." >&2
    return 1
}

# pg_ensure_role NAME PASSWORD: a role that logs in with this password and has no other attribute
# when made here (an existing role keeps its attributes and gets the password).
pg_ensure_role() {
    local user=$1 password=$2
    pg_as_admin -d postgres <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$user') THEN
        CREATE ROLE "$user" LOGIN PASSWORD '$password';
    ELSE
        ALTER ROLE "$user" LOGIN PASSWORD '$password';
    END IF;
END
\$\$;
SQL
}

# pg_ensure_database NAME OWNER PASSWORD [fresh]: the database and its owner, the role that runs
# the migrations and owns every table. The service connects as a separate runtime role
# (pg_ensure_role), which the migrations grant what it needs.
pg_ensure_database() {
    local db=$1 user=$2 password=$3 fresh=${4:-}
    pg_ensure_role "$user" "$password"
    if [ -n "$fresh" ]; then
        pg_as_admin -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    fi
    if [ -z "$(pg_as_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
        pg_as_admin -d postgres -c "CREATE DATABASE \"$db\" OWNER \"$user\" ENCODING 'UTF8'"
    fi
}
