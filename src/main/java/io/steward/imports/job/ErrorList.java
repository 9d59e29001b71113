package io.steward.imports.job;

import io.steward.imports.file.RowError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The errors of a job: all are counted, and the {@code cap} with the lowest row numbers are kept,
 * so memory stays bounded however bad a file is.
 */
final class ErrorList {

    private final int cap;
    private final PriorityQueue<RowError> kept;
    private long count;

    ErrorList(int cap) {
        this.cap = cap;
        this.kept = new PriorityQueue<>(RowError.ORDER.reversed());
    }

    void add(RowError error) {
        count++;
        kept.add(error);
        if (kept.size() > cap) {
            kept.poll();
        }
    }

    void addAll(Collection<RowError> errors) {
        errors.forEach(this::add);
    }

    boolean isEmpty() {
        return count == 0;
    }

    long count() {
        return count;
    }

    /** The kept errors in row order. */
    List<RowError> sorted() {
        List<RowError> list = new ArrayList<>(kept);
        list.sort(RowError.ORDER);
        return list;
    }
}
