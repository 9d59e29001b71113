package io.steward.schooldata;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The kinds of school data a district may share, and that consents and agreements name. */
public enum DataCategory {
    SCHOOL_ATTENDANCE,
    GRADES,
    ASSESSMENTS;

    /** The categories as stored in a {@code text[]} column, in declaration order, once each. */
    public static String[] toArray(Collection<DataCategory> categories) {
        return EnumSet.copyOf(categories).stream().map(Enum::name).toArray(String[]::new);
    }

    /** The categories as a PostgreSQL array literal, for {@code cast(? as text[])}. */
    public static String literal(Collection<DataCategory> categories) {
        return "{" + String.join(",", toArray(categories)) + "}";
    }

    public static Set<DataCategory> fromArray(String[] names) {
        Set<DataCategory> set = EnumSet.noneOf(DataCategory.class);
        for (String name : names) {
            set.add(valueOf(name));
        }
        return set;
    }

    public static List<DataCategory> sorted(Collection<DataCategory> categories) {
        return categories.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(categories));
    }
}
