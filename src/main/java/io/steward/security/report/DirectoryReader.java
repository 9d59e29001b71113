package io.steward.security.report;

import io.steward.security.KeycloakConfig;
import io.steward.security.report.SecurityReportView.Directory;
import io.steward.security.report.SecurityReportView.OrganizationUsers;
import io.steward.security.report.SecurityReportView.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Reads users, their realm roles and organizations, and recent logins from Keycloak. */
@ApplicationScoped
public class DirectoryReader {

    private static final Logger LOG = Logger.getLogger(DirectoryReader.class);
    private static final int MAX_USERS = 5_000;

    @Inject KeycloakConfig config;

    public Directory read() {
        if (config.serverUrl().isEmpty() || config.clientSecret().isEmpty()) {
            return new Directory(
                    false, "Keycloak admin access is not configured.", List.of(), List.of());
        }
        try (Keycloak keycloak = connect()) {
            RealmResource realm = keycloak.realm(config.realm());
            List<UserRepresentation> users = realm.users().list(0, MAX_USERS);
            Map<String, List<User>> byOrg = new TreeMap<>();
            for (UserRepresentation user : users) {
                List<String> roles =
                        realm
                                .users()
                                .get(user.getId())
                                .roles()
                                .realmLevel()
                                .listEffective()
                                .stream()
                                .map(RoleRepresentation::getName)
                                .filter(name -> !name.startsWith("default-roles-"))
                                .filter(name -> !name.equals("offline_access"))
                                .filter(name -> !name.equals("uma_authorization"))
                                .sorted()
                                .toList();
                byOrg.computeIfAbsent(org(user), k -> new ArrayList<>())
                        .add(
                                new User(
                                        user.getUsername(),
                                        Boolean.TRUE.equals(user.isEnabled()),
                                        roles));
            }
            List<OrganizationUsers> organizations = new ArrayList<>();
            byOrg.forEach((org, list) -> organizations.add(new OrganizationUsers(org, list)));
            return new Directory(true, null, organizations, stale(realm, users));
        } catch (RuntimeException e) {
            LOG.warnf("STW-SEC-0001 cannot read the directory: %s", e.getClass().getName());
            return new Directory(false, "Keycloak could not be reached.", List.of(), List.of());
        }
    }

    private Keycloak connect() {
        return KeycloakBuilder.builder()
                .serverUrl(config.serverUrl().get())
                .realm(config.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(config.clientId())
                .clientSecret(config.clientSecret().get())
                .build();
    }

    /** Enabled accounts older than the threshold with no login event within it. */
    private List<String> stale(RealmResource realm, List<UserRepresentation> users) {
        Instant since = Instant.now().minus(config.staleAfterDays(), ChronoUnit.DAYS);
        Set<String> active = new HashSet<>();
        List<EventRepresentation> logins =
                realm.getEvents(
                        List.of("LOGIN", "CLIENT_LOGIN"),
                        null,
                        null,
                        since.toString().substring(0, 10),
                        null,
                        null,
                        0,
                        100_000);
        for (EventRepresentation event : logins) {
            active.add(event.getUserId());
        }
        List<String> stale = new ArrayList<>();
        for (UserRepresentation user : users) {
            boolean old =
                    user.getCreatedTimestamp() != null
                            && user.getCreatedTimestamp() < since.toEpochMilli();
            if (Boolean.TRUE.equals(user.isEnabled()) && old && !active.contains(user.getId())) {
                stale.add(user.getUsername());
            }
        }
        return stale;
    }

    private static String org(UserRepresentation user) {
        Map<String, List<String>> attributes = user.getAttributes();
        List<String> org = attributes == null ? null : attributes.get("org");
        return org == null || org.isEmpty() ? "(none)" : org.get(0);
    }
}
