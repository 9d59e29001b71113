package io.steward.deploy;

import static io.steward.deploy.Yamls.at;
import static io.steward.deploy.Yamls.list;
import static io.steward.deploy.Yamls.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.deploy.Yamls.Doc;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests, parsed and checked for what keeps the service and its data safe. No
 * schema-aware validator installs here, so the security-relevant fields are asserted directly.
 */
class ManifestsTest {

    static List<Doc> docs;

    @BeforeAll
    static void load() throws Exception {
        docs = Yamls.all();
    }

    static Map<String, Object> podSpec() {
        return map(Yamls.one(docs, "Deployment").at("spec.template.spec"));
    }

    static Map<String, Object> container() {
        return map(list(podSpec().get("containers")).get(0));
    }

    static Map<String, String> configEnv() {
        Map<String, String> env = new java.util.HashMap<>();
        map(Yamls.one(docs, "ConfigMap").at("data"))
                .forEach((k, v) -> env.put(k, String.valueOf(v)));
        for (Object item : list(container().get("env"))) {
            Map<String, Object> var = map(item);
            if (var.get("value") != null) {
                env.put(String.valueOf(var.get("name")), String.valueOf(var.get("value")));
            }
        }
        return env;
    }

    @Test
    void everyManifest_parses_andNamesItsKind() {
        assertFalse(docs.isEmpty());
        for (Doc doc : docs) {
            assertNotNull(doc.body().get("apiVersion"), doc.file() + ": apiVersion");
            assertNotNull(doc.body().get("kind"), doc.file() + ": kind");
            if (!"Kustomization".equals(doc.kind())) {
                assertNotEquals("null", doc.name(), doc.file() + ": metadata.name");
            }
        }
    }

    @Test
    void kustomization_listsEveryManifestThatExists() throws Exception {
        List<Object> resources = list(Yamls.one(docs, "Kustomization").at("resources"));
        Set<String> listed = new HashSet<>();
        for (Object resource : resources) {
            assertTrue(Files.exists(Yamls.K8S.resolve(resource.toString())), "missing " + resource);
            listed.add(resource.toString());
        }
        try (var files = Files.list(Yamls.K8S)) {
            for (var file : files.filter(Yamls::isYaml).toList()) {
                String name = file.getFileName().toString();
                assertTrue(name.equals("kustomization.yaml") || listed.contains(name), name);
            }
        }
    }

    @Test
    void deployment_pod_runsAsNonRootWithRuntimeDefaultSeccompAndNoToken() {
        Map<String, Object> pod = podSpec();
        assertEquals(true, at(pod, "securityContext.runAsNonRoot"));
        assertTrue(((Number) at(pod, "securityContext.runAsUser")).intValue() > 0);
        assertEquals("RuntimeDefault", at(pod, "securityContext.seccompProfile.type"));
        assertEquals(false, pod.get("automountServiceAccountToken"));
    }

    @Test
    void deployment_container_isLockedDown() {
        Map<String, Object> security = map(container().get("securityContext"));
        assertEquals(true, security.get("readOnlyRootFilesystem"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(true, security.get("runAsNonRoot"));
        assertNotEquals(true, security.get("privileged"));
        assertTrue(list(at(security, "capabilities.drop")).contains("ALL"));
        assertFalse(String.valueOf(container().get("image")).endsWith(":latest"));
    }

    @Test
    void deployment_container_hasRequestsAndLimits() {
        Map<String, Object> resources = map(container().get("resources"));
        for (String bound : List.of("requests.cpu", "requests.memory", "limits.memory")) {
            assertNotNull(at(resources, bound), bound);
        }
    }

    @Test
    void deployment_probes_useHealthEndpointsOverHttps() {
        assertEquals("/q/health/live", at(container(), "livenessProbe.httpGet.path"));
        assertEquals("/q/health/ready", at(container(), "readinessProbe.httpGet.path"));
        assertEquals("HTTPS", at(container(), "livenessProbe.httpGet.scheme"));
        assertEquals("HTTPS", at(container(), "readinessProbe.httpGet.scheme"));
    }

    @Test
    void deployment_tmp_isAnEmptyDirBecauseTheRootIsReadOnly() {
        String tmpVolume = null;
        for (Object mount : list(container().get("volumeMounts"))) {
            if ("/tmp".equals(map(mount).get("mountPath"))) {
                tmpVolume = String.valueOf(map(mount).get("name"));
            }
        }
        assertNotNull(tmpVolume, "/tmp mount");
        for (Object volume : list(podSpec().get("volumes"))) {
            if (tmpVolume.equals(map(volume).get("name"))) {
                assertTrue(map(volume).containsKey("emptyDir"), "/tmp is an emptyDir");
                return;
            }
        }
        throw new AssertionError("no volume " + tmpVolume);
    }

    @Test
    void deployment_servesHttpsOnly_fromAMountedCertificate() {
        Map<String, String> env = configEnv();
        assertEquals("disabled", env.get("QUARKUS_HTTP_INSECURE_REQUESTS"));
        assertMounted(env.get("QUARKUS_HTTP_SSL_CERTIFICATE_FILES"), "tls");
        assertMounted(env.get("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES"), "tls");
        assertEquals(
                "8443", String.valueOf(at(list(container().get("ports")).get(0), "containerPort")));
    }

    @Test
    void deployment_database_isVerifiedFullyWithAPasswordFromASecret() {
        String url = configEnv().get("QUARKUS_DATASOURCE_JDBC_URL");
        assertTrue(url.contains("sslmode=verify-full"), url);
        String rootCert = url.replaceAll(".*sslrootcert=([^&]+).*", "$1");
        assertMounted(rootCert, "db-ca");
        boolean fromSecret = false;
        for (Object item : list(container().get("env"))) {
            Map<String, Object> var = map(item);
            if ("QUARKUS_DATASOURCE_PASSWORD".equals(var.get("name"))) {
                fromSecret = at(var, "valueFrom.secretKeyRef.name") != null;
            }
        }
        assertTrue(fromSecret, "password from a secretKeyRef");
    }

    @Test
    void deployment_servesAsTheRuntimeRoleAndMigratesAsTheOwner() {
        Map<String, String> secrets = new java.util.HashMap<>();
        for (Object item : list(container().get("env"))) {
            Map<String, Object> var = map(item);
            Object secret = at(var, "valueFrom.secretKeyRef.name");
            if (secret != null) {
                secrets.put(String.valueOf(var.get("name")), String.valueOf(secret));
            }
        }
        for (String name :
                List.of(
                        "QUARKUS_DATASOURCE_USERNAME",
                        "QUARKUS_DATASOURCE_PASSWORD",
                        "QUARKUS_LIQUIBASE_USERNAME",
                        "QUARKUS_LIQUIBASE_PASSWORD")) {
            assertNotNull(secrets.get(name), name + " from a secretKeyRef");
        }
        Doc cluster = Yamls.one(docs, "Cluster");
        String runtimeSecret = secrets.get("QUARKUS_DATASOURCE_USERNAME");
        assertEquals(runtimeSecret, secrets.get("QUARKUS_DATASOURCE_PASSWORD"));
        assertEquals(cluster.name() + "-app", secrets.get("QUARKUS_LIQUIBASE_USERNAME"));
        assertEquals(cluster.name() + "-app", secrets.get("QUARKUS_LIQUIBASE_PASSWORD"));
        assertNotEquals(secrets.get("QUARKUS_LIQUIBASE_USERNAME"), runtimeSecret);

        Map<String, Object> runtime =
                list(cluster.at("spec.managed.roles")).stream()
                        .map(Yamls::map)
                        .filter(r -> runtimeSecret.equals(at(r, "passwordSecret.name")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no managed role for the service"));
        assertNotEquals(cluster.at("spec.bootstrap.initdb.owner"), runtime.get("name"));
        assertEquals(true, runtime.get("login"));
        for (String power : List.of("superuser", "createdb", "createrole", "bypassrls")) {
            assertEquals(false, runtime.get(power), power);
        }
        assertTrue(
                list(cluster.at("spec.postgresql.pg_hba"))
                        .contains("hostssl steward " + runtime.get("name") + " all scram-sha-256"),
                "pg_hba admits the runtime role over TLS");
    }

    @Test
    void deployment_masterKeyset_isAFileFromASecret() {
        assertMounted(configEnv().get("STEWARD_CRYPTO_MASTER_KEYSET"), "master-keyset");
    }

    @Test
    void deployment_destructionLedger_isWritableOnAClaimBothReplicasShare() {
        String path = configEnv().get("STEWARD_CRYPTO_DESTRUCTION_LEDGER");
        assertNotNull(path, "STEWARD_CRYPTO_DESTRUCTION_LEDGER is set");
        Map<String, Object> mount = null;
        for (Object item : list(container().get("volumeMounts"))) {
            Map<String, Object> m = map(item);
            if (path.startsWith(m.get("mountPath") + "/")) {
                mount = m;
            }
        }
        assertNotNull(mount, path + " lies under no volume mount");
        assertNotEquals(true, mount.get("readOnly"), "the ledger is appended to");
        Object volumeName = mount.get("name");
        Map<String, Object> volume =
                list(podSpec().get("volumes")).stream()
                        .map(Yamls::map)
                        .filter(v -> volumeName.equals(v.get("name")))
                        .findFirst()
                        .orElseThrow();
        Object claim = Yamls.at(volume, "persistentVolumeClaim.claimName");
        assertNotNull(claim, "the ledger is on a PersistentVolumeClaim, not the pod's disk");
        Doc pvc = Yamls.one(docs, "PersistentVolumeClaim");
        assertEquals(claim, pvc.name());
        assertEquals(List.of("ReadWriteMany"), pvc.at("spec.accessModes"));
    }

    @Test
    void repository_holdsNoSecretValues() {
        for (Doc doc : docs) {
            if ("Secret".equals(doc.kind())) {
                assertTrue(
                        doc.body().get("data") == null && doc.body().get("stringData") == null,
                        doc.file() + " commits secret values");
            }
        }
        configEnv()
                .forEach(
                        (name, value) ->
                                assertFalse(
                                        name.matches(".*(PASSWORD|SECRET|TOKEN).*"),
                                        name + " is set in plain text"));
    }

    @Test
    void scaling_hpaAndBudgetKeepTwoReplicasOfTheDeployment() {
        Doc hpa = Yamls.one(docs, "HorizontalPodAutoscaler");
        assertEquals("Deployment", hpa.at("spec.scaleTargetRef.kind"));
        assertEquals(Yamls.one(docs, "Deployment").name(), hpa.at("spec.scaleTargetRef.name"));
        assertTrue(((Number) hpa.at("spec.minReplicas")).intValue() >= 2);
        Object podLabels = Yamls.one(docs, "Deployment").at("spec.template.metadata.labels");
        assertSelects(
                Yamls.one(docs, "PodDisruptionBudget").at("spec.selector.matchLabels"), podLabels);
        assertSelects(Yamls.one(docs, "Service").at("spec.selector"), podLabels);
    }

    @Test
    void networkPolicy_admitsOnlyTheIngressControllerAndReachesOnlyDbKeycloakAndDns() {
        Doc policy = Yamls.one(docs, "NetworkPolicy");
        assertEquals(List.of("Ingress", "Egress"), policy.at("spec.policyTypes"));
        assertSelects(
                policy.at("spec.podSelector.matchLabels"),
                Yamls.one(docs, "Deployment").at("spec.template.metadata.labels"));
        List<Object> ingress = list(policy.at("spec.ingress"));
        assertEquals(1, ingress.size());
        Map<String, Object> rule = map(ingress.get(0));
        assertEquals(1, list(rule.get("from")).size());
        assertNotNull(at(list(rule.get("from")).get(0), "namespaceSelector.matchLabels"));
        assertEquals(List.of(8443), ports(rule));
        Set<Object> egressPorts = new HashSet<>();
        for (Object egress : list(policy.at("spec.egress"))) {
            assertFalse(list(map(egress).get("to")).isEmpty(), "egress to anywhere");
            egressPorts.addAll(ports(map(egress)));
        }
        assertEquals(Set.of(5432, 8443, 53), egressPorts);
    }

    @Test
    void postgresCluster_usesTlsOnlyBackupsAndAnAppUser() {
        Doc cluster = Yamls.one(docs, "Cluster");
        assertTrue(
                String.valueOf(cluster.body().get("apiVersion")).startsWith("postgresql.cnpg.io/"));
        assertTrue(((Number) cluster.at("spec.instances")).intValue() >= 2);
        assertEquals(false, cluster.at("spec.enableSuperuserAccess"));
        String owner = String.valueOf(cluster.at("spec.bootstrap.initdb.owner"));
        assertFalse(owner.equals("postgres") || owner.equals("null"), owner);
        for (Object line : list(cluster.at("spec.postgresql.pg_hba"))) {
            String rule = line.toString();
            assertTrue(rule.startsWith("hostssl ") || rule.endsWith(" reject"), rule);
        }
        assertNotNull(cluster.at("spec.backup.retentionPolicy"));
        assertNotNull(cluster.at("spec.backup.barmanObjectStore.data.encryption"));
        assertNotNull(cluster.at("spec.backup.barmanObjectStore.wal.encryption"));
        assertEquals(cluster.name(), Yamls.one(docs, "ScheduledBackup").at("spec.cluster.name"));
    }

    private static List<Object> ports(Map<String, Object> rule) {
        return list(rule.get("ports")).stream().map(p -> map(p).get("port")).toList();
    }

    private static void assertSelects(Object selector, Object labels) {
        Map<String, Object> wanted = map(selector);
        assertFalse(wanted.isEmpty(), "empty selector");
        wanted.forEach((k, v) -> assertEquals(v, map(labels).get(k), "selector " + k));
    }

    /** The path lies inside a volume mount backed by the named volume. */
    private static void assertMounted(String path, String volume) {
        assertNotNull(path, "path for " + volume);
        for (Object mount : list(container().get("volumeMounts"))) {
            Map<String, Object> m = map(mount);
            if (volume.equals(m.get("name")) && path.startsWith(m.get("mountPath") + "/")) {
                assertTrue(
                        list(podSpec().get("volumes")).stream()
                                .map(Yamls::map)
                                .anyMatch(
                                        v ->
                                                volume.equals(v.get("name"))
                                                        && v.get("secret") != null),
                        volume + " comes from a Secret");
                return;
            }
        }
        throw new AssertionError(path + " is not under the " + volume + " mount");
    }
}
