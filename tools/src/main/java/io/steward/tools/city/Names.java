package io.steward.tools.city;

import java.util.List;
import java.util.Random;

/** Invented names for synthetic youth and guardians; combinations describe no one. */
final class Names {

    private static final List<String> FIRST =
            List.of(
                    "Ava", "Mateo", "Noor", "Liam", "Sofia", "Kai", "Amara", "Diego", "Hana",
                    "Elijah", "Maya", "Omar", "Zoe", "Luca", "Imani", "Ethan", "Priya", "Jonah",
                    "Lena", "Samir", "Aria", "Caleb", "Yara", "Felix", "Nia", "Theo", "Mila",
                    "Andre", "Rosa", "Isaac", "Leila", "Miles", "Ines", "Jasper", "Tala", "Owen");
    private static final List<String> LAST =
            List.of(
                    "Alvarez",
                    "Brooks",
                    "Chen",
                    "Diallo",
                    "Evans",
                    "Fischer",
                    "Garcia",
                    "Haddad",
                    "Ito",
                    "Jensen",
                    "Kowalski",
                    "Lopez",
                    "Mensah",
                    "Nguyen",
                    "Okafor",
                    "Patel",
                    "Quinn",
                    "Rossi",
                    "Santos",
                    "Tanaka",
                    "Usman",
                    "Vargas",
                    "Walsh",
                    "Xu",
                    "Yilmaz",
                    "Zamora",
                    "Bennett",
                    "Castillo",
                    "Dubois",
                    "Ferreira");
    private static final List<String> RELATIONSHIPS =
            List.of("Mother", "Father", "Grandmother", "Aunt", "Legal guardian");

    private Names() {}

    static String first(Random random) {
        return FIRST.get(random.nextInt(FIRST.size()));
    }

    static String last(Random random) {
        return LAST.get(random.nextInt(LAST.size()));
    }

    static String relationship(Random random, int index) {
        return index == 0 && random.nextInt(4) > 0
                ? RELATIONSHIPS.get(random.nextInt(2))
                : RELATIONSHIPS.get(random.nextInt(RELATIONSHIPS.size()));
    }
}
