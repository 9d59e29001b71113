package io.steward.tools;

import io.steward.tools.city.City;
import io.steward.tools.city.CityWriter;
import io.steward.tools.city.SyntheticCity;
import io.steward.tools.load.LoadCommand;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/** {@code generate --out DIR [--scale N] [--seed S] [--as-of YYYY-MM-DD]}: files only. */
final class GenerateCommand {

    private GenerateCommand() {}

    static int run(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of());
        Path out = Path.of(args.require("out"));
        int scale = args.integer("scale", 1);
        long seed = args.number("seed", LoadCommand.DEFAULT_SEED);
        LocalDate asOf = LocalDate.parse(args.get("as-of", LocalDate.now().toString()));
        City city = SyntheticCity.generate(seed, scale, asOf);
        CityWriter.writeAll(city, out);
        System.out.printf(
                "wrote %d youth, %d enrollments, %d attendance rows, %d school records,"
                        + " %d consents to %s%n",
                city.youth().size(),
                city.enrollments().size(),
                city.attendance().size(),
                city.schoolRecords().size(),
                city.consents().size(),
                out);
        return 0;
    }
}
