# Steward: the packaged Quarkus service, run as a non-root user on a Java 17 runtime.
#   docker build -t steward:1.0.0 .
# The build stage compiles without tests (they need PostgreSQL; CI runs them with scripts/test).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
# The API document: the build serves it at /q/openapi.
COPY openapi/openapi.yaml openapi/openapi.yaml
RUN ./mvnw -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
ENV LANG=C.UTF-8 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp -Dvertx.cacheDirBase=/tmp/vertx-cache"
WORKDIR /deployments
COPY --from=build --chown=0:0 /src/target/quarkus-app/lib/ lib/
COPY --from=build --chown=0:0 /src/target/quarkus-app/app/ app/
COPY --from=build --chown=0:0 /src/target/quarkus-app/quarkus/ quarkus/
COPY --from=build --chown=0:0 /src/target/quarkus-app/quarkus-run.jar quarkus-run.jar
# Files stay owned by root and read-only to the service user; only /tmp is written.
USER 10001:10001
EXPOSE 8443 8080
ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
