package io.steward.schooldata.edfi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wanted leaf values of one top-level element of an interchange. A path is relative to the
 * element ({@code StudentReference/StudentIdentity/StudentUniqueId}); {@code child} is the position
 * of the element's direct child that holds the leaf, so repeated groups (several {@code
 * ScoreResult}) can be told apart.
 */
record EdFiElement(long ordinal, String name, Map<String, List<Leaf>> leaves) {

    record Leaf(int child, String text) {}

    /** The first value of the first path that has one, or null. */
    String first(String... paths) {
        for (String path : paths) {
            List<Leaf> found = leaves.get(path);
            if (found != null && !found.isEmpty()) {
                return found.get(0).text();
            }
        }
        return null;
    }

    List<Leaf> all(String path) {
        return leaves.getOrDefault(path, new ArrayList<>());
    }

    /** The code value of an Ed-Fi descriptor URI ({@code uri://ed-fi.org/XDescriptor#Code}). */
    static String code(String descriptor) {
        if (descriptor == null) {
            return null;
        }
        int hash = descriptor.lastIndexOf('#');
        return (hash < 0 ? descriptor : descriptor.substring(hash + 1)).trim();
    }
}
