# Steps of scripts/run-local. Every long-running process is started in its own process group
# (setsid) and remembered, so that rl_stop_all can end the whole group, children included.

RL_PIDS=()          # process group leaders, in start order
RL_NAMES=()
RL_STOP_SIGNALS=()
RL_SYSTEM_PG_STARTED=""

step() {
    echo "==> $*"
}

die() {
    echo "run-local: $*" >&2
    exit 1
}

# rl_start NAME LOGFILE STOP_SIGNAL COMMAND...: starts COMMAND in a new session.
rl_start() {
    local name=$1 log=$2 signal=$3
    shift 3
    setsid "$@" >"$log" 2>&1 </dev/null &
    RL_PIDS+=("$!")
    RL_NAMES+=("$name")
    RL_STOP_SIGNALS+=("$signal")
}

rl_alive() {
    kill -0 "$1" 2>/dev/null
}

# Stops every started process group, newest first, and waits for each to go.
rl_stop_all() {
    # A second Ctrl-C or TERM while stopping must not leave children behind.
    trap "" INT TERM
    trap - EXIT
    local i pid
    for ((i = ${#RL_PIDS[@]} - 1; i >= 0; i--)); do
        pid=${RL_PIDS[$i]}
        if rl_alive "$pid"; then
            echo "==> stopping ${RL_NAMES[$i]}"
            kill "-${RL_STOP_SIGNALS[$i]}" -- "-$pid" 2>/dev/null || true
            for _ in $(seq 1 60); do
                rl_alive "$pid" || break
                sleep 0.5
            done
            if rl_alive "$pid"; then
                kill -KILL -- "-$pid" 2>/dev/null || true
            fi
            wait "$pid" 2>/dev/null || true
        fi
    done
    RL_PIDS=()
    if [ -n "$RL_SYSTEM_PG_STARTED" ]; then
        echo "==> stopping the PostgreSQL cluster this run started"
        pg_ctlcluster --skip-systemctl-redirect "$RL_SYSTEM_PG_STARTED" main stop || true
        RL_SYSTEM_PG_STARTED=""
    fi
}

# Runs until a signal arrives or one of the started processes ends on its own.
rl_watch() {
    local i
    while true; do
        for i in "${!RL_PIDS[@]}"; do
            if ! rl_alive "${RL_PIDS[$i]}"; then
                echo "run-local: ${RL_NAMES[$i]} stopped on its own; see .local/logs/" >&2
                exit 1
            fi
        done
        sleep 1 &
        wait $! || true
    done
}

rl_require_java() {
    command -v java >/dev/null || die "Java 17 or later is needed on PATH"
    local version
    version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [ "${version%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or later is needed (found $version)"
}

rl_port_free() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        die "port $1 on 127.0.0.1 is in use; stop what runs there or choose another for $2"
    fi
}

# rl_wait_http NAME URL SECONDS PID: waits for a 200 from URL while PID lives.
rl_wait_http() {
    local name=$1 url=$2 seconds=$3 pid=$4 log=$5
    for _ in $(seq 1 "$seconds"); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ]; then
            return 0
        fi
        if ! rl_alive "$pid"; then
            tail -n 30 "$log" >&2 || true
            die "$name stopped while starting; its log: $log"
        fi
        sleep 1
    done
    tail -n 30 "$log" >&2 || true
    die "$name did not answer $url within $seconds s; its log: $log"
}

# Builds the service and the tools unless their jars are newer than every source.
rl_build() {
    local jar=target/quarkus-app/quarkus-run.jar
    if [ ! -f "$jar" ] || [ -n "$(find src openapi pom.xml -newer "$jar" -print -quit)" ]; then
        echo "    building the service (./mvnw package -DskipTests)"
        ./mvnw -B -ntp -q package -DskipTests >"$LOGS/build.log" 2>&1 ||
            { tail -n 40 "$LOGS/build.log" >&2; die "service build failed; see .local/logs/build.log"; }
    fi
    local tools=tools/target/steward-tools.jar
    if [ ! -f "$tools" ] || [ -n "$(find tools/src tools/pom.xml -newer "$tools" -print -quit)" ]; then
        echo "    building the tools (./mvnw -f tools/pom.xml package -DskipTests)"
        ./mvnw -B -ntp -q -f tools/pom.xml package -DskipTests >"$LOGS/build-tools.log" 2>&1 ||
            { tail -n 40 "$LOGS/build-tools.log" >&2; die "tools build failed; see .local/logs/build-tools.log"; }
    fi
}

# A Maven artifact's path in the local repository, fetched from Maven Central when missing.
rl_artifact() {
    local group=$1 artifact=$2 version=$3 type=$4
    local file="$HOME/.m2/repository/${group//.//}/$artifact/$version/$artifact-$version.$type"
    if [ ! -f "$file" ]; then
        ./mvnw -B -ntp -q dependency:get -Dtransitive=false \
            "-Dartifact=$group:$artifact:$version:$type" >&2 ||
            die "cannot fetch $group:$artifact:$version from Maven Central"
    fi
    echo "$file"
}

# Chooses the database: the one the environment names, the local server, or an embedded one.
# Sets DB_MODE (external, local, embedded) and exports the datasource variables: Liquibase
# migrates as the owner (steward), the service connects as the runtime role (steward_runtime) that
# the migrations grant what it needs.
rl_postgres() {
    if [ "$EMBEDDED_PG" = 1 ]; then
        DB_MODE=embedded
        rl_embedded_postgres
        rl_database_env "jdbc:postgresql://127.0.0.1:$EMBEDDED_PG_PORT/steward"
        return
    fi
    if [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
        DB_MODE=external
        export QUARKUS_DATASOURCE_USERNAME=${QUARKUS_DATASOURCE_USERNAME:-steward_runtime}
        export QUARKUS_DATASOURCE_PASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-steward_runtime}
        export QUARKUS_LIQUIBASE_USERNAME=${QUARKUS_LIQUIBASE_USERNAME:-steward}
        export QUARKUS_LIQUIBASE_PASSWORD=${QUARKUS_LIQUIBASE_PASSWORD:-steward}
        echo "    using QUARKUS_DATASOURCE_JDBC_URL from the environment (never dropped); the"
        echo "    service connects as $QUARKUS_DATASOURCE_USERNAME, migrations run as" \
            "$QUARKUS_LIQUIBASE_USERNAME"
        return
    fi
    if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && command -v pg_ctlcluster >/dev/null 2>&1 \
        && [ -d /etc/postgresql ]; then
        if pg_ensure_running >/dev/null 2>&1; then
            RL_SYSTEM_PG_STARTED=$(ls /etc/postgresql | sort -V | tail -n 1)
        fi
    fi
    local fresh=""
    [ "$NEED_FRESH" = 1 ] && fresh=fresh
    if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null &&
        (pg_ensure_database steward steward steward $fresh &&
            pg_ensure_role steward_runtime steward_runtime) >/dev/null 2>&1; then
        DB_MODE=local
        rl_database_env jdbc:postgresql://127.0.0.1:5432/steward
        echo "    using the PostgreSQL on 127.0.0.1:5432, database steward (owner steward," \
            "service role steward_runtime)"
        return
    fi
    DB_MODE=embedded
    rl_embedded_postgres
    rl_database_env "jdbc:postgresql://127.0.0.1:$EMBEDDED_PG_PORT/steward"
}

# rl_database_env URL: the datasource variables for the database this script made.
rl_database_env() {
    export QUARKUS_DATASOURCE_JDBC_URL=$1
    export QUARKUS_DATASOURCE_USERNAME=steward_runtime QUARKUS_DATASOURCE_PASSWORD=steward_runtime
    export QUARKUS_LIQUIBASE_USERNAME=steward QUARKUS_LIQUIBASE_PASSWORD=steward
}

# PostgreSQL refuses to run as root. As root, it runs in a user namespace where it is an
# ordinary user (its files stay owned by root outside); without user namespaces, say what to do.
rl_pg_prefix() {
    PG_PREFIX=()
    if [ "$(id -u)" = 0 ]; then
        PG_PREFIX=(unshare --user --map-user=1000 --map-group=1000)
    fi
}

rl_embedded_postgres() {
    if [ "$(id -u)" = 0 ] && ! unshare --user --map-user=1000 --map-group=1000 true 2>/dev/null; then
        die "no PostgreSQL found, and an embedded one cannot run: PostgreSQL refuses to run as
    root and this machine does not allow user namespaces. Either run scripts/run-local as an
    ordinary user, or start a PostgreSQL yourself and set QUARKUS_DATASOURCE_JDBC_URL
    (with QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD)."
    fi
    rl_pg_prefix
    local platform
    case "$(uname -s)-$(uname -m)" in
        Linux-x86_64) platform=linux-amd64 ;;
        Linux-aarch64) platform=linux-arm64v8 ;;
        Darwin-x86_64) platform=darwin-amd64 ;;
        Darwin-arm64) platform=darwin-arm64v8 ;;
        *) die "no embedded PostgreSQL binaries for $(uname -sm); set QUARKUS_DATASOURCE_JDBC_URL" ;;
    esac
    local home=$LOCAL/postgres-$PG_BINARIES_VERSION data=$LOCAL/pgdata
    if [ ! -x "$home/bin/postgres" ]; then
        echo "    unpacking PostgreSQL $PG_BINARIES_VERSION binaries (io.zonky.test.postgres)"
        local jar
        jar=$(rl_artifact io.zonky.test.postgres "embedded-postgres-binaries-$platform" \
            "$PG_BINARIES_VERSION" jar)
        rm -rf "$home" && mkdir -p "$home"
        unzip -p "$jar" '*.txz' | tar -xJ -C "$home"
    fi
    if [ "$NEED_FRESH" = 1 ]; then
        rm -rf "$data"
    fi
    if [ ! -f "$data/steward-database-made" ]; then
        echo "    initializing a database cluster in .local/pgdata"
        rm -rf "$data" && mkdir -p "$data"
        (umask 077 && printf 'steward\n' >"$LOCAL/pg-password")
        "${PG_PREFIX[@]}" "$home/bin/initdb" -D "$data" -U steward --pwfile="$LOCAL/pg-password" \
            --auth=scram-sha-256 -E UTF8 --locale=C >"$LOGS/initdb.log" 2>&1 ||
            { tail -n 20 "$LOGS/initdb.log" >&2; die "initdb failed"; }
        rm -f "$LOCAL/pg-password"
        # The binaries have no psql: make the database in single-user mode before starting.
        echo 'CREATE DATABASE steward' | "${PG_PREFIX[@]}" "$home/bin/postgres" --single \
            -D "$data" postgres >>"$LOGS/initdb.log" 2>&1 ||
            { tail -n 20 "$LOGS/initdb.log" >&2; die "cannot create the steward database"; }
        touch "$data/steward-database-made"
    fi
    if [ ! -f "$data/steward-app-role-made" ]; then
        # steward (made by initdb) owns the schema; the service connects as steward_runtime. One line:
        # single-user mode ends a statement at the end of a line.
        echo "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_runtime')" \
            "THEN CREATE ROLE steward_runtime LOGIN PASSWORD 'steward_runtime'; END IF; END \$\$" |
            "${PG_PREFIX[@]}" "$home/bin/postgres" --single -D "$data" postgres \
            >>"$LOGS/initdb.log" 2>&1 ||
            { tail -n 20 "$LOGS/initdb.log" >&2; die "cannot create the steward_runtime role"; }
        touch "$data/steward-app-role-made"
    fi
    mkdir -p "$LOCAL/pgsocket"
    echo "    embedded PostgreSQL on 127.0.0.1:$EMBEDDED_PG_PORT (logs: .local/logs/postgres.log)"
    rl_start postgres "$LOGS/postgres.log" INT "${PG_PREFIX[@]}" "$home/bin/postgres" \
        -D "$data" -p "$EMBEDDED_PG_PORT" -h 127.0.0.1 -k "$LOCAL/pgsocket"
    local pid=${RL_PIDS[-1]}
    for _ in $(seq 1 60); do
        if grep -q 'ready to accept connections' "$LOGS/postgres.log" 2>/dev/null; then
            return 0
        fi
        rl_alive "$pid" || { tail -n 20 "$LOGS/postgres.log" >&2; die "PostgreSQL did not start"; }
        sleep 1
    done
    die "PostgreSQL did not start within 60 s; see .local/logs/postgres.log"
}

rl_keycloak() {
    local home=$LOCAL/keycloak-$KC_VERSION
    if [ ! -x "$home/bin/kc.sh" ]; then
        echo "    unpacking Keycloak $KC_VERSION (org.keycloak:keycloak-quarkus-dist)"
        local zip
        zip=$(rl_artifact org.keycloak keycloak-quarkus-dist "$KC_VERSION" zip)
        rm -rf "$home"
        (cd "$LOCAL" && unzip -q "$zip")
    fi
    local realm=k8s/keycloak/dev/steward-realm-dev.json imported=$home/data/import/steward-realm.json
    # Keycloak's dev database was once made with the service's database user (its QUARKUS_*
    # settings leaked in); one made before that was fixed cannot be opened now, so it is remade.
    local made_clean=$home/data/.made-without-service-env
    if [ "$NEED_FRESH" = 1 ] || ! cmp -s "$realm" "$imported" || [ ! -f "$made_clean" ]; then
        # The realm is imported once into Keycloak's dev database; a changed file means a new one.
        rm -rf "$home/data/h2" "$home/data/import"
        mkdir -p "$home/data/import"
        cp "$realm" "$imported"
        touch "$made_clean"
    fi
    if [ ! -f "$LOCAL/keycloak-admin-password" ]; then
        (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$LOCAL/keycloak-admin-password")
    fi
    # Keycloak is a Quarkus application too: the service's QUARKUS_* settings (its database,
    # for one) must not reach it, nor stray KC_* settings from the caller's shell.
    local unset=()
    local name
    for name in $(compgen -e); do
        case "$name" in QUARKUS_*|KC_*|KEYCLOAK_*) unset+=(-u "$name") ;; esac
    done
    rl_start keycloak "$LOGS/keycloak.log" TERM \
        env "${unset[@]}" KC_BOOTSTRAP_ADMIN_USERNAME=admin \
        KC_BOOTSTRAP_ADMIN_PASSWORD="$(cat "$LOCAL/keycloak-admin-password")" \
        bash "$home/bin/kc.sh" start-dev --import-realm \
        --http-host=127.0.0.1 --http-port="$KC_PORT" --hostname="http://127.0.0.1:$KC_PORT"
    rl_wait_http Keycloak "http://127.0.0.1:$KC_PORT/realms/steward/.well-known/openid-configuration" \
        300 "${RL_PIDS[-1]}" "$LOGS/keycloak.log"
    echo "    realm steward ready; master realm admin: admin / .local/keycloak-admin-password"
}

rl_steward() {
    local keyset=$LOCAL/master-keyset.json
    java -jar tools/target/steward-tools.jar keyset "$keyset" 2>/dev/null
    local issuer="http://127.0.0.1:$KC_PORT/realms/steward"
    rl_start steward "$LOGS/steward.log" TERM \
        env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION="$issuer/protocol/openid-connect/certs" \
        MP_JWT_VERIFY_ISSUER="$issuer" \
        STEWARD_CRYPTO_MASTER_KEYSET="$keyset" \
        STEWARD_KEYCLOAK_SERVER_URL="http://127.0.0.1:$KC_PORT" \
        STEWARD_KEYCLOAK_REALM=steward \
        STEWARD_KEYCLOAK_CLIENT_ID=steward-api \
        STEWARD_KEYCLOAK_CLIENT_SECRET=dev-only-steward-api-secret \
        java -jar target/quarkus-app/quarkus-run.jar
    rl_wait_http Steward "http://127.0.0.1:$PORT/q/health/ready" 180 "${RL_PIDS[-1]}" \
        "$LOGS/steward.log"
}

rl_load() {
    # The loader itself skips a database that holds the city already; .local/data-loaded only
    # decides whether the local database is made anew, and says nothing of one from the
    # environment, which may have been emptied since.
    local source
    if [ -n "$EDFI" ]; then
        source=(--edfi "$EDFI")
        step "loading the Ed-Fi interchange in $EDFI through the API"
    else
        source=(--scale "$SCALE")
        step "loading a synthetic city (scale $SCALE) through the API"
    fi
    if ! java -jar tools/target/steward-tools.jar load --api "http://127.0.0.1:$PORT" \
        --keycloak "http://127.0.0.1:$KC_PORT" "${source[@]}" 2>&1 | tee "$LOGS/load.log"; then
        die "loading failed; see .local/logs/load.log and .local/logs/steward.log"
    fi
    echo "$DATASET" >"$LOCAL/data-loaded"
}
