package io.steward.tools.load;

import io.steward.tools.Args;
import io.steward.tools.city.City;
import io.steward.tools.city.SyntheticCity;
import io.steward.tools.edfi.EdFiCity;
import io.steward.tools.edfi.EdFiSample;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * {@code load [--api URL] [--keycloak URL] [--realm NAME] [--edfi DIR | --scale N] [--seed S]
 * [--as-of DATE] [--force]}: loads a synthetic city, or an Ed-Fi folder, through the public API
 * with the dev realm's demo logins. Skips the load when the city organization exists already,
 * unless {@code --force}.
 */
public final class LoadCommand {

    public static final long DEFAULT_SEED = 20210823L;

    private LoadCommand() {}

    public static int run(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of("force"));
        Api api = new Api(URI.create(args.get("api", "http://127.0.0.1:8080")));
        URI endpoint =
                TokenSource.endpoint(
                        args.get("keycloak", "http://127.0.0.1:8180"),
                        args.get("realm", "steward"));
        String password = System.getenv().getOrDefault("STEWARD_DEMO_PASSWORD", "demo");
        Logins logins = new Logins(endpoint, password);
        Progress progress = new Progress(System.out);
        LocalDate asOf = LocalDate.parse(args.get("as-of", LocalDate.now().toString()));
        long seed = args.number("seed", DEFAULT_SEED);

        CityLoader loader = new CityLoader(api, logins, progress);
        if (!args.has("force") && loader.alreadyLoaded()) {
            progress.step(CityLoader.SKIPPED);
            return 0;
        }
        City city;
        if (args.has("edfi")) {
            Path dir = Path.of(args.require("edfi"));
            progress.step("reading the Ed-Fi interchange in " + dir);
            city = EdFiCity.of(EdFiSample.read(dir), seed, asOf);
        } else {
            int scale = args.integer("scale", 1);
            progress.step("generating a synthetic city, scale " + scale + ", seed " + seed);
            city = SyntheticCity.generate(seed, scale, asOf);
        }
        loader.load(city);
        return 0;
    }
}
