package io.steward.tools.city;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demo network that the dev realm ({@code k8s/keycloak/dev/steward-realm-dev.json}) knows: its
 * organization codes, the providers' programs and which demo login works for which provider. The
 * codes here and the {@code org} attributes of the demo users must agree.
 */
public final class Demo {

    public static final String CITY = "grand-bend-city";
    public static final String DISTRICT = "255901";
    public static final String EVALUATOR = "gb-research";
    public static final String NORTHSIDE = "northside-youth";
    public static final String HARBOR = "harbor-arts";
    public static final String EASTGATE = "eastgate-stem";

    /** The providers whose staff the demo users are, in a fixed order. */
    public static final List<String> PROVIDERS = List.of(NORTHSIDE, HARBOR, EASTGATE);

    /** Dev realm login of each demo provider's staff (password {@code demo}, dev only). */
    public static final Map<String, String> PROVIDER_LOGIN =
            Map.of(
                    NORTHSIDE, "demo-provider",
                    HARBOR, "demo-provider-harbor",
                    EASTGATE, "demo-provider-eastgate");

    public static final List<Org> ORGANIZATIONS =
            List.of(
                    new Org(CITY, "Grand Bend Office of Youth Programs", "COORDINATOR"),
                    new Org(DISTRICT, "Grand Bend ISD", "DISTRICT"),
                    new Org(EVALUATOR, "Grand Bend Youth Research Partnership", "EVALUATOR"),
                    new Org(NORTHSIDE, "Northside Youth Club", "PROVIDER"),
                    new Org(HARBOR, "Harbor Arts Collective", "PROVIDER"),
                    new Org(EASTGATE, "Eastgate STEM Lab", "PROVIDER"));

    private Demo() {}

    /** The demo providers' programs for one school year, two per provider. */
    public static List<Program> programs(SchoolYear year) {
        LocalDate start = year.firstDay().plusWeeks(2);
        LocalDate end = year.lastDay();
        return List.of(
                        program(
                                "ny-afterschool",
                                NORTHSIDE,
                                "Northside After School",
                                "Northside Center"),
                        program("ny-homework", NORTHSIDE, "Homework Club", "Grand Bend Library"),
                        program("ha-studio", HARBOR, "Harbor Arts Studio", "Harbor Street Studio"),
                        program("ha-music", HARBOR, "Youth Band", "Harbor Street Studio"),
                        program("es-robotics", EASTGATE, "Robotics Team", "Eastgate Lab"),
                        program("es-coding", EASTGATE, "Coding Club", "Eastgate Lab"))
                .stream()
                .map(
                        p ->
                                new Program(
                                        p.key(),
                                        p.providerCode(),
                                        p.name(),
                                        p.site(),
                                        start,
                                        end,
                                        400))
                .toList();
    }

    private static Program program(String key, String provider, String name, String site) {
        return new Program(key, provider, name, site, null, null, null);
    }
}
